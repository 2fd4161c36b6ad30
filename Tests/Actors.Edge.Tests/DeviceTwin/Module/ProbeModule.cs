using Actors.Kernel.Actor;
using Actors.Kernel.Modules;

namespace Actors.Edge.Tests.DeviceTwin.Module;

/// <summary>A bus module standing in for EventBus or EdgeHub: forwards everything it receives to a test probe.</summary>
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
