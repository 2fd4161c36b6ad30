using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Wire;

namespace Actors.Edge.Tests.MetaManager.Module;

/// <summary>
/// Stands in for a module (edged, edgehub): every envelope it receives goes to the probe; a synchronous request is
/// answered with what <paramref name="answer"/> returns (null = no answer).
/// </summary>
internal sealed class ProbeModule(string name, string group, IActorRef probe, Func<MessageEnvelope, MessageEnvelope?>? answer = null) : IModule
{
    public string Name => name;

    public string Group => group;

    public bool Enabled => true;

    public Props CreateProps(ModuleContext context) => Props.Create(() => new ProbeModuleActor(context, probe, answer));

    private sealed class ProbeModuleActor : ReceiveActor
    {
        public ProbeModuleActor(ModuleContext context, IActorRef probe, Func<MessageEnvelope, MessageEnvelope?>? answer)
        {
            Receive<BusMessage>(m =>
            {
                if (m.Envelope.Header.Sync && answer?.Invoke(m.Envelope) is { } reply)
                {
                    context.Bus.SendResponse(new BusMessage(reply));
                }

                probe.Tell(new Seen(context.Name, m.Envelope), ActorRefs.NoSender);
            });
        }
    }
}

/// <summary>What a probe module received.</summary>
internal sealed record Seen(string Module, MessageEnvelope Envelope);
