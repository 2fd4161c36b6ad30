using Actors.Edge.Modules.EdgeHub.Connection;
using Actors.Edge.Modules.EdgeHub.Dedupe;
using Actors.Edge.Modules.EdgeHub.Outbox;
using Actors.Edge.Modules.EdgeHub.Security;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.EdgeHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EdgeHub;

/// <summary>
/// The EdgeHub module's root actor (bus name <c>websocket</c>, group <c>hub</c>). Owns the durable outbox and the
/// duplicate filter; its child <see cref="CloudConnectionActor"/> owns the socket. Upstream: every envelope a module
/// sends here (<see cref="BusMessage"/>, <see cref="SendToCloud"/> or a bare envelope) is stored in the outbox
/// first, then written in outbox order while connected (at most <see cref="EdgeHubSettings.WriteWindow"/> frames
/// handed to the connection at a time, and no faster than the <see cref="TokenBucket"/> of message-qps/burst allows)
/// and removed once written. Downstream: see the <c>Downstream</c> part.
/// </summary>
internal sealed partial class EdgeHubActor : ActorBase, IWithTimers
{
    /// <summary>Groups told about every connect/disconnect (KubeEdge also tells taskmanager, which this build lacks).</summary>
    internal static readonly string[] ConnectionGroups = [Groups.Meta, Groups.Twin, Groups.Bus];

    private readonly ModuleContext _context;
    private readonly EdgeHubSettings _settings;
    private readonly Func<IOutboxStore> _openStore;
    private readonly SeenMessageIds _seen;
    private readonly EnvelopeCodecOptions _codec;
    private readonly TokenBucket _rate;
    private IOutboxStore _store = null!;
    private IActorRef _connection = ActorRefs.Nobody;
    private bool _connected;
    private int _link;
    private long _sentUpTo;
    private int _inFlight;
    private int _outboxCount;
    private EdgeHubMetrics _metrics = null!;

    public EdgeHubActor(ModuleContext context, EdgeHubSettings settings, Func<IOutboxStore> openStore)
    {
        _context = context;
        _settings = settings;
        _openStore = openStore;
        _seen = new SeenMessageIds(settings.DedupeCapacity);
        _codec = new EnvelopeCodecOptions(settings.MaxFrameBytes);
        _rate = new TokenBucket(settings.MessageQps, settings.MessageBurst, context.Time);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private ILogger Log => _context.Logger;

    protected override void PreStart()
    {
        _store = _openStore();
        _metrics = new EdgeHubMetrics(Kernel.Diagnostics.MetricsRegistry.Get(Context.System));
        var waiting = _store.Count;
        _outboxCount = waiting;
        _metrics.Outbox(waiting);
        if (waiting > 0)
        {
            Log.LogInformation("EdgeHub outbox holds {Count} message(s) for the cloud from before this start", waiting);
        }

        var credentials = Credentials();
        var props = Props.Create(() => new CloudConnectionActor(_settings, credentials, _context.Logger, _context.Time));
        _connection = Context.ActorOf(props, "connection");
    }

    protected override void PostStop()
    {
        if (_connected)
        {
            _connected = false;
            Broadcast(connected: false, _context.Time.GetUtcNow());
        }

        _store?.Dispose();
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case BusMessage b:
                Upstream(b.Envelope);
                return true;
            case SendToCloud s:
                Upstream(s.Envelope);
                return true;
            case MessageEnvelope e:
                Upstream(e);
                return true;
            case FrameReceived f:
                Downstream(f.Frame);
                return true;
            case FrameWritten w:
                _metrics.Written();
                if (_store.Remove(w.OutboxSeq))
                {
                    _metrics.Outbox(_outboxCount = Math.Max(0, _outboxCount - 1));
                }

                _inFlight = Math.Max(0, _inFlight - 1);
                Pump();
                return true;
            case LinkUp up:
                OnLinkUp(up);
                return true;
            case LinkDown down:
                OnLinkDown(down);
                return true;
            case PumpAgain:
                Pump();
                return true;
            default:
                return false;
        }
    }

    private Func<CancellationToken, Task<EdgeCredentials>>? Credentials()
    {
        if (_settings.Credentials is not null || _settings.Certificates is null)
        {
            return _settings.Credentials;
        }

        var logger = Context.System.Settings.LoggerFactory.CreateLogger<EdgeCertificateManager>();
        var manager = new EdgeCertificateManager(_settings.Certificates, _context.Time, logger);
        return manager.EnsureAsync;
    }

    /// <summary>Stores the envelope (with <c>sync</c> cleared, as KubeEdge's async write does) and writes what it can.</summary>
    private void Upstream(MessageEnvelope envelope)
    {
        var wire = envelope.Header.Sync ? envelope with { Header = envelope.Header with { Sync = false } } : envelope;
        try
        {
            var dropped = _store.Append(wire.Header.MsgId, EnvelopeCodec.Encode(wire), _context.Time.GetUtcNow().ToUnixTimeMilliseconds());
            _metrics.Outbox(_outboxCount = Math.Max(0, _outboxCount + 1 - dropped));
            if (dropped > 0)
            {
                Log.LogWarning("EdgeHub outbox is full ({Max} messages): dropped the {Dropped} oldest", _settings.OutboxMaxMessages, dropped);
            }
        }
        catch (SqliteException e)
        {
            Log.LogError("Could not store message {MsgId} for the cloud in the outbox, dropped: {Reason}", wire.Header.MsgId, e.Message);
            return;
        }

        Pump();
    }

    private void Pump()
    {
        while (_connected && _inFlight < _settings.WriteWindow)
        {
            var batch = _store.ReadAfter(_sentUpTo, _settings.WriteWindow - _inFlight);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var entry in batch)
            {
                if (!_rate.TryTake())
                {
                    Timers.StartSingleTimer(nameof(PumpAgain), PumpAgain.Instance, _rate.UntilNext());
                    return;
                }

                _connection.Tell(new WriteFrame(_link, entry.Seq, entry.Frame));
                _sentUpTo = entry.Seq;
                _inFlight++;
            }
        }
    }

    private void OnLinkUp(LinkUp up)
    {
        _connected = true;
        _link = up.Link;
        _sentUpTo = 0;
        _inFlight = 0;
        _metrics.Link(up: true);
        Broadcast(connected: true, up.At);
        Pump();
    }

    private void OnLinkDown(LinkDown down)
    {
        if (!_connected)
        {
            return;
        }

        _connected = false;
        _sentUpTo = 0;
        _inFlight = 0;
        _metrics.Link(up: false);
        Broadcast(connected: false, down.At);
    }

    private sealed record PumpAgain
    {
        public static PumpAgain Instance { get; } = new();
    }

    private void Broadcast(bool connected, DateTimeOffset at)
    {
        foreach (var group in ConnectionGroups)
        {
            var header = MessageHeader.New(_context.Time);
            var envelope = connected
                ? BusTranslator.ToEnvelope(new CloudConnected(at), group, header)
                : BusTranslator.ToEnvelope(new CloudDisconnected(at, string.Empty), group, header);
            _context.Bus.SendToGroup(group, new BusMessage(envelope));
        }
    }
}
