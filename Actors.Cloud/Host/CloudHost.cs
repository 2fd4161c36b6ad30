using Actors.Kernel.Actor;
using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Cloud.Host;

/// <summary>cloudcore's host definition: defaults, validators, reloadable keys and root actor.</summary>
public static class CloudHost
{
    public const string Name = "cloudcore";

    /// <summary>Module names under <c>cloudcore.modules</c>.</summary>
    public static IReadOnlyList<string> Modules { get; } = ["apiserver", "cloudhub", "edgecontroller", "devicecontroller", "router"];

    /// <summary>Keys applied live on SIGHUP (besides cloudcore.log-level) for modules to subscribe to.</summary>
    public static IReadOnlyList<string> Reloadable { get; } =
    [
        CloudHubOptions.Path + ".keepalive-interval", CloudHubOptions.Path + ".retry-count", CloudHubOptions.Path + ".retry-interval",
        ControllerOptions.Path + ".edgecontroller.node-update-frequency",
    ];

    public static HostDefinition Create()
    {
        var reference = KernelReference.ForHost(typeof(CloudHost).Assembly);
        return new HostDefinition
        {
            Name = Name,
            Reference = reference,
            Validators = [new KernelOptionsValidator(), new CloudCoreValidator(), new UnknownKeyValidator(reference, Name)],
            LogLevelKey = CloudCoreOptions.Path + ".log-level",
            LogFormatKey = CloudCoreOptions.Path + ".log-format",
            MetricsPortKey = CloudCoreOptions.Path + ".metrics.port",
            ReloadablePrefixes = Reloadable,
            EnabledModules = EnabledModules,
            RootProps = config => Props.Create(() => new CloudRootActor(CloudCoreOptions.From(config), config)),
        };
    }

    /// <summary>Modules whose <c>enable</c> key is on.</summary>
    public static IReadOnlyList<string> EnabledModules(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return [.. Modules.Where(m => config.GetBoolean("cloudcore.modules." + m + ".enable"))];
    }
}
