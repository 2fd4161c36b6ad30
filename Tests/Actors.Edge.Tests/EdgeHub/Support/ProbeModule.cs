using Actors.Kernel.Actor;
using Actors.Kernel.Modules;

namespace Actors.Edge.Tests.EdgeHub.Support;

/// <summary>A bus module that forwards everything it receives to a test probe (stands in for MetaManager, DeviceTwin, EventBus).</summary>
internal sealed class ProbeModule(string name, string group, IActorRef probe) : IModule
{
    public string Name { get; } = name;

    public string Group { get; } = group;

    public bool Enabled => true;

    public Props CreateProps(ModuleContext context) => Props.Create(() => new ForwardActor(probe));

    private sealed class ForwardActor(IActorRef probe) : ActorBase
    {
        protected override bool Receive(object message)
        {
            probe.Tell(message, Sender);
            return true;
        }
    }
}
