using Actors.Kernel.Actor;
using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge.Host;

/// <summary>edgecore's host definition: defaults, validators, reloadable keys and root actor.</summary>
public static class EdgeHost
{
    public const string Name = "edgecore";

    /// <summary>Module names under <c>edgecore.modules</c>.</summary>
    public static IReadOnlyList<string> Modules { get; } = ["edgehub", "metamanager", "edged", "eventbus", "servicebus", "devicetwin"];

    /// <summary>Keys applied live on SIGHUP (besides edgecore.log-level) for modules to subscribe to.</summary>
    public static IReadOnlyList<string> Reloadable { get; } =
    [
        EdgeHubOptions.Path + ".heartbeat", EdgeHubOptions.Path + ".message-qps", EdgeHubOptions.Path + ".message-burst",
        EdgeHubOptions.Path + ".reconnect-backoff-min", EdgeHubOptions.Path + ".reconnect-backoff-max",
        EdgedOptions.Path + ".pleg-relist-period", EdgedOptions.Path + ".node-status-update-frequency",
        EdgedOptions.Path + ".container-gc-min-age", EdgedOptions.Path + ".image-gc-period",
        EdgedOptions.Path + ".image-gc-high-threshold", EdgedOptions.Path + ".image-gc-low-threshold",
    ];

    public static HostDefinition Create()
    {
        var reference = KernelReference.ForHost(typeof(EdgeHost).Assembly);
        return new HostDefinition
        {
            Name = Name,
            Reference = reference,
            Validators = [new KernelOptionsValidator(), new EdgeCoreValidator(), new UnknownKeyValidator(reference, Name)],
            LogLevelKey = EdgeCoreOptions.Path + ".log-level",
            LogFormatKey = EdgeCoreOptions.Path + ".log-format",
            MetricsPortKey = EdgeCoreOptions.Path + ".metrics.port",
            ReloadablePrefixes = Reloadable,
            EnabledModules = EnabledModules,
            RootProps = config => Props.Create(() => new EdgeRootActor(config)),
        };
    }

    /// <summary>Modules whose <c>enable</c> key is on.</summary>
    public static IReadOnlyList<string> EnabledModules(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return [.. Modules.Where(m => config.GetBoolean("edgecore.modules." + m + ".enable"))];
    }
}
