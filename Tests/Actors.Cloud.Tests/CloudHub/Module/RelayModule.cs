using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Routing;

namespace Actors.Cloud.Tests.CloudHub.Module;

/// <summary>Ask the relay module to send <paramref name="Message"/> to <paramref name="Module"/> through the bus.</summary>
internal sealed record Relay(string Module, object Message);

/// <summary>The relay module's actor announces itself to the probe.</summary>
internal sealed record RelayReady(IActorRef Relay);

/// <summary>
/// A stand-in for the edge controller on the bus (name and group <c>edgecontroller</c>): everything it receives goes to
/// the probe; a <see cref="Relay"/> is sent on through the bus with the relay as sender (answers come back to the probe).
/// </summary>
internal sealed class RelayModule(IActorRef probe) : IModule
{
    public string Name => ModuleNames.EdgeController;

    public string Group => Groups.EdgeController;

    public bool Enabled => true;

    public Props CreateProps(ModuleContext context) => Props.Create(() => new RelayActor(context.Bus, probe));

    private sealed class RelayActor : ReceiveActor
    {
        private readonly IActorRef _probe;

        public RelayActor(ModuleBus bus, IActorRef probe)
        {
            _probe = probe;
            Receive<Relay>(r => bus.Send(r.Module, r.Message));
            ReceiveAny(m => probe.Tell(m, Sender));
        }

        protected override void PreStart() => _probe.Tell(new RelayReady(Self));
    }
}
