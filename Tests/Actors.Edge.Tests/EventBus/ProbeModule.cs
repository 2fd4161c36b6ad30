using Actors.Kernel.Actor;
using Actors.Kernel.Modules;

namespace Actors.Edge.Tests.EventBus;

/// <summary>A module that forwards everything the bus delivers to it to a probe (stands in for twin or the hub).</summary>
internal sealed class ProbeModule(string name, string group, IActorRef probe) : IModule
{
    public string Name { get; } = name;

    public string Group { get; } = group;

    public bool Enabled => true;

    public Props CreateProps(ModuleContext context) => Props.Create(() => new ForwardActor(probe));

    private sealed class ForwardActor(IActorRef probe) : UntypedActor
    {
        protected override void OnReceive(object message) => probe.Tell(message, Sender);
    }
}
