using Actors.Kernel.Actor;
using Actors.Kernel.Modules;

namespace Actors.TestKit.Modules;

/// <summary>
/// A bus module standing in for another module (EdgeHub, EventBus, CloudHub…): everything it receives is forwarded
/// to <paramref name="probe"/> with the original sender, so a test can expect it and answer it.
/// </summary>
public sealed class ProbeModule(string name, string group, IActorRef probe) : IModule
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
