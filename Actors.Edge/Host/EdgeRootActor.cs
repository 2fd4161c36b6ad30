using Actors.Kernel.Actor;
using Actors.Kernel.Configuration;
using Actors.Kernel.Modules;

namespace Actors.Edge.Host;

/// <summary>
/// <c>/user/edgecore</c>: starts the module bus (<c>/user/modules</c>) with the modules listed in
/// <see cref="EdgeModules"/>; each module runs under its own backoff supervisor.
/// </summary>
public sealed class EdgeRootActor : ReceiveActor
{
    private readonly Config _config;

    public EdgeRootActor(Config config)
    {
        _config = config ?? throw new ArgumentNullException(nameof(config));
        Receive<Terminated>(_ => Context.Stop(Self));
    }

    /// <summary>The bus handle, once started.</summary>
    internal ModuleBus? Bus { get; private set; }

    protected override void PreStart()
    {
        Bus = ModuleHost.Start(Context.System, EdgeModules.Create(_config), EdgeModules.BusOptions(_config));
        Context.Watch(Bus.Ref);
    }
}
