using Actors.Edge.Modules.ServiceBus;
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
        var eventBus = EventBusOptions.From(config);
        eventBus = eventBus with
        {
            BrokerStore = eventBus.BrokerPersistence ? Path.Combine(core.DataDir, EventBusOptions.BrokerStoreFileName) : null,
            SubTopicsDatabase = Path.Combine(core.DataDir, DeviceTwinOptions.DatabaseFileName),
        };
        var modules = new List<IModule>
        {
            Modules.MetaManager.MetaManagerModule.From(core, MetaManagerOptions.From(config)),
            EdgeHubOptions.From(config).CreateModule(core),
            new ServiceBusModule(ServiceBusOptions.From(config), core.DataDir, LocalHttpClient()),
            Modules.DeviceTwin.DeviceTwinModule.Create(config),
            Modules.EdgeD.EdgedModule.From(config),
            new Modules.EventBus.Module.EventBusModule(eventBus),
        };
        return modules;
    }

    /// <summary>An HTTP client for calls to applications on this node: no proxy, connections recycled.</summary>
    private static HttpClient LocalHttpClient() => new(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) });

    /// <summary>
    /// Bus options: KubeEdge envelope correlation. Modules switched off in configuration are listed with
    /// <c>Enabled = false</c> (their config names, e.g. <c>edgehub</c>, differ from their bus names, e.g. <c>websocket</c>).
    /// </summary>
    public static ModuleHostOptions BusOptions(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new ModuleHostOptions(new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync));
    }
}
