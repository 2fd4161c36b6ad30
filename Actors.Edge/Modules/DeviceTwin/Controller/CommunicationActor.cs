using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.DeviceTwin;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.DeviceTwin.Controller;

/// <summary>
/// The communication child: delivers the durable outbox to the cloud (module <c>websocket</c>, EdgeHub) and tracks
/// confirmations. While the link is up every unconfirmed message is sent at once and resent every
/// <c>confirm-retry-interval</c>; while it is down nothing is sent and nothing is dropped (the rows stay in the store).
/// On a reconnect after a disconnect it asks the cloud for the membership detail (as KubeEdge does) and resends all.
/// Its state is a copy of the outbox table, reloaded by the controller after a restart, so a crash loses nothing.
/// </summary>
internal sealed class CommunicationActor : ActorBase, IWithTimers
{
    public const string Name = "communication";

    private readonly ModuleBus _bus;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retryInterval;
    private readonly SortedDictionary<long, MessageEnvelope> _pending = [];
    private readonly Dictionary<string, long> _seqById = new(StringComparer.Ordinal);
    private bool _connected = true;

    public CommunicationActor(ModuleBus bus, TimeProvider time, TimeSpan retryInterval)
    {
        _bus = bus;
        _time = time;
        _retryInterval = retryInterval;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Timers.StartPeriodicTimer(ResendTick.Instance, ResendTick.Instance, _retryInterval);

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case OutboxLoaded loaded:
                _pending.Clear();
                _seqById.Clear();
                _connected = loaded.Connected;
                foreach (var row in loaded.Rows)
                {
                    Add(row.Seq, EnvelopeCodec.Decode(System.Text.Encoding.UTF8.GetBytes(row.Envelope)));
                }

                return true;
            case OutboxAdded added:
                foreach (var (seq, envelope) in added.Messages)
                {
                    Add(seq, envelope);
                }

                return true;
            case LinkChanged link:
                OnLink(link.Connected);
                return true;
            case ConfirmReceived confirm when _seqById.Remove(confirm.MsgId, out var seq):
                _pending.Remove(seq);
                Context.Parent.Tell(new OutboxConfirmed(confirm.MsgId), Self);
                return true;
            case ConfirmReceived:
                return true;
            case ResendTick:
                SendAll();
                return true;
            default:
                return false;
        }
    }

    protected override void PreRestart(Exception reason, object? message)
    {
        Context.Parent.Tell(new ChildFailed(Name, null, reason.Message), Self);
        base.PreRestart(reason, message);
    }

    private void Add(long seq, MessageEnvelope envelope)
    {
        _pending[seq] = envelope;
        _seqById[envelope.Header.MsgId] = seq;
        if (_connected)
        {
            Send(envelope);
        }
    }

    private void OnLink(bool connected)
    {
        var reconnected = connected && !_connected;
        _connected = connected;
        if (!reconnected)
        {
            return;
        }

        var header = MessageHeader.New(_time);
        Send(TwinTranslator.ToEnvelope(new MembershipDetailRequest(Guid.NewGuid().ToString(), header.Timestamp), header));
        SendAll();
    }

    private void SendAll()
    {
        if (!_connected)
        {
            return;
        }

        foreach (var envelope in _pending.Values)
        {
            Send(envelope);
        }
    }

    private void Send(MessageEnvelope envelope) => _bus.Send(ModuleNames.EdgeHub, new BusMessage(envelope));
}
