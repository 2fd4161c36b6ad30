using Actors.Kernel.Configuration;
using Actors.Kernel.Modules;
using Actors.Messages.Wire;

namespace Actors.Edge.Host;

/// <summary>
/// edgecore's composition root for modules: builds every module from the resolved configuration and the bus
/// options. Each module adds exactly one line to <see cref="Create"/>; a module whose <c>enable</c> key is off is
/// still listed (so its name is known) but not started.
/// </summary>
public static class EdgeModules
{
    /// <summary>The modules of this build, in start order.</summary>
    public static IReadOnlyList<IModule> Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var core = EdgeCoreOptions.From(config);
        _ = core;
        var modules = new List<IModule>();
        modules.Add(new Modules.EventBus.Module.EventBusModule(EventBusOptions.From(config)));
        return modules;
    }

    /// <summary>Bus options: KubeEdge envelope correlation and the modules disabled in configuration.</summary>
    public static ModuleHostOptions BusOptions(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var enabled = EdgeHost.EnabledModules(config);
        var disabled = EdgeHost.Modules.Where(m => !enabled.Contains(m)).ToHashSet(StringComparer.Ordinal);
        var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
        return new ModuleHostOptions(correlation) { Disabled = disabled };
    }
}
