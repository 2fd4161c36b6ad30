using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;

namespace Actors.Edge.Tests.ServiceBus;

/// <summary>Stands in for EdgeHub (module <c>websocket</c>, group <c>hub</c>): everything it receives goes to a probe.</summary>
internal sealed class HubProbeModule(IActorRef probe) : IModule
{
    public string Name => ModuleNames.EdgeHub;

    public string Group => Groups.Hub;

    public bool Enabled => true;

    public Props CreateProps(ModuleContext context) => Props.Create(() => new Forwarder(probe));

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef probe) => ReceiveAny(m => probe.Forward(m));
    }
}
