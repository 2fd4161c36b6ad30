using Actors.Cloud.Modules.CloudHub;
using Actors.Kernel.Configuration;
using Actors.Kernel.Modules;
using Actors.Messages.Wire;

namespace Actors.Cloud.Host;

/// <summary>
/// cloudcore's composition root for bus modules (CloudHub, the controllers, the router): builds each from the
/// resolved configuration. Each module adds exactly one line to <see cref="Create"/>. The embedded API server is
/// not a bus module; <see cref="CloudRootActor"/> starts it before the bus.
/// </summary>
public static class CloudModules
{
    /// <summary>The bus modules of this build, in start order.</summary>
    public static IReadOnlyList<IModule> Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var modules = new List<IModule>();
        modules.Add(new CloudHubModule(CloudHubOptions.From(config).ToModuleSettings(CloudCoreOptions.From(config).DataDir)));
        return modules;
    }

    /// <summary>Bus options: KubeEdge envelope correlation and the modules disabled in configuration.</summary>
    public static ModuleHostOptions BusOptions(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
        return ModuleHostOptions.ForHost(correlation, CloudHost.Modules, [.. CloudHost.EnabledModules(config)]);
    }
}
