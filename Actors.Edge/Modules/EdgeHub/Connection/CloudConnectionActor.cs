using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using Actors.Edge.Modules.EdgeHub.Security;
using Actors.Kernel.Actor;
using Actors.Messages.EdgeHub;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EdgeHub.Connection;

/// <summary>
/// The WebSocket to CloudHub (child of the EdgeHub actor). Connects with KubeEdge's headers (<c>node_id</c>,
/// <c>project_id</c>, <c>ConnectionUse: msg</c>) and mutual TLS, writes frames one at a time in arrival order (each
/// bounded by the write timeout), sends a keepalive every heartbeat, forwards complete cloud messages to its parent
/// and, when the socket fails, reports <see cref="LinkDown"/> and reconnects after a jittered exponential backoff.
/// Keepalive and reconnect timers run on the system TimeProvider; the handshake and write deadlines are real time. Frames handed to it while disconnected are dropped: the parent resends
/// outbox frames after the next <see cref="LinkUp"/>, and the cloud resends unacknowledged messages.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The lifetime token is cancelled and disposed in PostStop, the actor's end of life.")]
internal sealed partial class CloudConnectionActor : ActorBase, IWithTimers
{
    private const string KeepaliveTimer = "keepalive";
    private const string ReconnectTimer = "reconnect";
    private readonly EdgeHubSettings _settings;
    private readonly Func<CancellationToken, Task<EdgeCredentials>>? _credentials;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Queue<WriteFrame> _pending = new();
    private readonly CancellationTokenSource _lifetime = new();
    private ClientWebSocket? _socket;
    private EdgeCredentials? _socketCredentials;
    private int _generation;
    private int _attempt;
    private bool _writing;

    public CloudConnectionActor(
        EdgeHubSettings settings, Func<CancellationToken, Task<EdgeCredentials>>? credentials, ILogger logger, TimeProvider time)
    {
        _settings = settings;
        _credentials = credentials;
        _logger = logger;
        _time = time;
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        if (_settings.IsPlain)
        {
            _logger.LogWarning("EdgeHub connects to {Server} over plain ws:// without TLS: use this for local development only", _settings.Server);
        }

        StartConnect();
    }

    protected override void PostStop()
    {
        _lifetime.Cancel();
        if (_socket is not null)
        {
            Context.Parent.Tell(new LinkDown(_time.GetUtcNow(), "EdgeHub connection stopped"), ActorRefs.NoSender);
        }

        CloseSocket();
        _lifetime.Dispose();
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WriteFrame w:
                Enqueue(w);
                return true;
            case SendKeepalive:
                Enqueue(new WriteFrame(_generation, 0, EnvelopeCodec.Encode(EdgeHubTranslator.ToEnvelope(new EdgeKeepalive(), MessageHeader.New(_time)))));
                return true;
            case Incoming i when i.Generation == _generation:
                Context.Parent.Tell(new FrameReceived(i.Frame));
                return true;
            case Written w when w.Generation == _generation:
                OnWritten(w);
                return true;
            case WriteFailed f when f.Generation == _generation:
                LinkLost("write failed: " + f.Error.Message);
                return true;
            case ReadEnded r when r.Generation == _generation:
                LinkLost(r.Reason);
                return true;
            default:
                return ReceiveConnect(message);
        }
    }

    private bool ReceiveConnect(object message)
    {
        switch (message)
        {
            case ConnectNow:
                StartConnect();
                return true;
            case Connected c:
                OnConnected(c);
                return true;
            case ConnectFailed f when f.Generation == _generation:
                _logger.LogWarning("Cannot connect to cloudhub at {Uri}: {Reason}", _settings.EventsUri, f.Error.Message);
                ScheduleReconnect();
                return true;
            case Incoming or Written or WriteFailed or ReadEnded or ConnectFailed:
                return true; // from an earlier socket
            default:
                return false;
        }
    }

    private void StartConnect()
    {
        if (_socket is not null)
        {
            return;
        }

        var generation = ++_generation;
        ConnectAsync(generation, _lifetime.Token).PipeTo(Self);
    }

    private void OnConnected(Connected c)
    {
        if (c.Generation != _generation || _socket is not null || _lifetime.IsCancellationRequested)
        {
            c.Socket.Dispose();
            c.Credentials?.Dispose();
            return;
        }

        _socket = c.Socket;
        _socketCredentials = c.Credentials;
        _attempt = 0;
        _logger.LogInformation("Connected to cloudhub at {Uri} as node {Node}", _settings.EventsUri, _settings.NodeId);
        _ = ReadLoopAsync(c.Socket, c.Generation, _settings.MaxFrameBytes, Self, _logger, _lifetime.Token);
        Timers.StartPeriodicTimer(KeepaliveTimer, SendKeepalive.Instance, _settings.Heartbeat);
        Context.Parent.Tell(new LinkUp(_time.GetUtcNow(), c.Generation));
    }

    private void Enqueue(WriteFrame frame)
    {
        if (_socket is null || frame.Link != _generation)
        {
            _logger.LogDebug("Frame for an earlier or no connection not written (outbox frames are resent after reconnecting)");
            return;
        }

        _pending.Enqueue(frame);
        WriteNext();
    }

    private void WriteNext()
    {
        if (_writing || _socket is null || !_pending.TryDequeue(out var frame))
        {
            return;
        }

        _writing = true;
        var generation = _generation;
        WriteAsync(_socket, frame.Frame, _settings.WriteTimeout).PipeTo(
            Self,
            success: () => new Written(generation, frame.OutboxSeq),
            failure: e => new WriteFailed(generation, e));
    }

    private void OnWritten(Written w)
    {
        _writing = false;
        if (w.OutboxSeq > 0)
        {
            Context.Parent.Tell(new FrameWritten(w.OutboxSeq));
        }

        WriteNext();
    }

    private void LinkLost(string reason)
    {
        if (_socket is null)
        {
            return;
        }

        _logger.LogWarning("Lost the connection to cloudhub: {Reason}", reason);
        CloseSocket();
        _generation++;
        Context.Parent.Tell(new LinkDown(_time.GetUtcNow(), reason));
        ScheduleReconnect();
    }

    private void ScheduleReconnect()
    {
        var delay = ReconnectBackoff.Delay(_attempt++, _settings.ReconnectBackoffMin, _settings.ReconnectBackoffMax, Random.Shared.NextDouble());
        _logger.LogInformation("Reconnecting to cloudhub in {Delay} (attempt {Attempt})", delay, _attempt);
        Timers.StartSingleTimer(ReconnectTimer, ConnectNow.Instance, delay);
    }

    private void CloseSocket()
    {
        Timers.Cancel(KeepaliveTimer);
        _pending.Clear();
        _writing = false;
        _socket?.Abort();
        _socket?.Dispose();
        _socket = null;
        _socketCredentials?.Dispose();
        _socketCredentials = null;
    }
}
