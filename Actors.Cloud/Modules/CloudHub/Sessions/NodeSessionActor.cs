using System.Net.WebSockets;
using System.Diagnostics.CodeAnalysis;
using Actors.Kernel.Actor;
using Actors.Kernel.Event;
using Actors.Messages.CloudHub;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>
/// One connected node: reads envelopes from its socket and dispatches them (keepalive, ACK, viaduct control,
/// upstream), and sends downstream messages through a <see cref="FrameSender"/> with ACK retries. The session
/// stops itself when the socket closes, a write fails or times out, or the keepalive expires; its parent
/// publishes the disconnect event.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The read-loop token is cancelled and disposed in PostStop, the actor's end of life.")]
public sealed partial class NodeSessionActor : ReceiveActor, IWithTimers
{
    private static readonly object KeepaliveTimerKey = "keepalive";
    private static readonly object RetryTimerKey = "retry";

    private readonly string _nodeId;
    private readonly WebSocket _socket;
    private readonly TaskCompletionSource _done;
    private readonly IActorRef _upstream;
    private readonly CloudHubOptions _options;
    private readonly IAckStore _acks;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _readStop = new();
    private FrameSender? _sender;
    private CloudHubMetrics _metrics = null!;
    private Task _reading = Task.CompletedTask;
    private volatile bool _stopped;

    public NodeSessionActor(
        string nodeId, WebSocket socket, TaskCompletionSource done, IActorRef upstream, CloudHubOptions options, IAckStore acks)
    {
        _nodeId = nodeId;
        _socket = socket;
        _done = done;
        _upstream = upstream;
        _options = options;
        _acks = acks;
        _log = Context.GetLogger();
        Receive<FrameArrived>(OnFrame);
        Receive<FrameTooLarge>(m => _log.LogWarning(
            "node {Node}: refused a {Size}-byte message (limit {Limit} bytes)", _nodeId, m.Size, _options.MaxFrameBytes));
        Receive<ConnectionEnded>(OnConnectionEnded);
        Receive<KeepaliveExpired>(_ => OnKeepaliveExpired());
        Receive<DownstreamMessage>(OnDownstream);
        Receive<RetryTick>(_ => OnRetryTick());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props for a session (created by <see cref="CloudHubActor"/>).</summary>
    public static Props Props(
        string nodeId, WebSocket socket, TaskCompletionSource done, IActorRef upstream, CloudHubOptions options, IAckStore acks) =>
        Kernel.Actor.Props.Create(() => new NodeSessionActor(nodeId, socket, done, upstream, options, acks));

    protected override void PreStart()
    {
        var self = Self;
        _metrics = CloudHubMetrics.Get(Context.System);
        _metrics.Track(self, () => _pending.Count);
        _sender = new FrameSender(_socket, _options.QueueCapacity, _options.WriteTimeout,
            reason => self.Tell(new ConnectionEnded(reason)));
        Timers.StartSingleTimer(KeepaliveTimerKey, KeepaliveExpired.Instance, _options.KeepaliveTimeout);
        _reading = Task.Run(() => ReadLoopAsync(self));
    }

    protected override void PostStop()
    {
        _stopped = true;
        _metrics?.Untrack(Self);
        if (_pending.Count > 0)
        {
            Context.Parent.Tell(new PendingHandedBack(_nodeId, PendingEnvelopes()), Self);
        }

        var sender = _sender;
        var reading = _reading;
        var (socket, done, readStop, timeout) = (_socket, _done, _readStop, _options.WriteTimeout);
        _ = Task.Run(async () =>
        {
            try
            {
                if (sender is not null)
                {
                    await sender.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "session ended").ConfigureAwait(false);
                    await reading.WaitAsync(timeout).ConfigureAwait(false); // the edge answers our close
                }
            }
            catch (TimeoutException)
            {
                // the edge did not answer the close: abort below
            }
            finally
            {
                await readStop.CancelAsync().ConfigureAwait(false);
                socket.Abort();
                sender?.Dispose();
                readStop.Dispose();
                done.TrySetResult();
            }
        });
    }

    private async Task ReadLoopAsync(IActorRef self)
    {
        var reader = new FrameReader(_socket, _options.MaxFrameBytes);
        try
        {
            while (true)
            {
                var (status, frame, size) = await reader.ReadAsync(_readStop.Token).ConfigureAwait(false);
                switch (status)
                {
                    case FrameReadStatus.Closed:
                        TellUnlessStopped(self, new ConnectionEnded("closed by the edge"));
                        return;
                    case FrameReadStatus.TooLarge:
                        self.Tell(new FrameTooLarge(size));
                        break;
                    default:
                        self.Tell(new FrameArrived(frame));
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // session stopping
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            TellUnlessStopped(self, new ConnectionEnded("read failed: " + e.Message));
        }
    }

    private void TellUnlessStopped(IActorRef self, ISessionMessage message)
    {
        if (!_stopped)
        {
            self.Tell(message);
        }
    }

    private void OnFrame(FrameArrived message)
    {
        _metrics.Received();
        if (!EnvelopeCodec.TryDecode(message.Frame, out var envelope, out var error,
                new EnvelopeCodecOptions { MaxMessageBytes = _options.MaxFrameBytes }))
        {
            _log.LogWarning("node {Node}: refused a malformed message: {Error}", _nodeId, error);
            return;
        }

        if (ViaductControl.IsControl(envelope!))
        {
            Write(EnvelopeCodec.Encode(ViaductControl.Reply(envelope!, MessageHeader.New(Context.System.TimeProvider))));
            return;
        }

        Dispatch(CloudHubTranslator.ClassifyUpstream(_nodeId, envelope!));
    }

    private void Dispatch(UpstreamDispatch dispatch)
    {
        switch (dispatch.Kind)
        {
            case UpstreamDispatchKind.Keepalive:
                Timers.StartSingleTimer(KeepaliveTimerKey, KeepaliveExpired.Instance, _options.KeepaliveTimeout);
                break;
            case UpstreamDispatchKind.Ack when OnAck(dispatch.Target):
                break;
            case UpstreamDispatchKind.Ack:
                // as in KubeEdge a response is only ever an ACK; one for a superseded or dropped message is stale
                _log.LogDebug("node {Node}: ACK for {MsgId}, which is no longer pending", _nodeId, dispatch.Target);
                break;
            case UpstreamDispatchKind.LogOnly:
                _log.LogWarning("node {Node} reported an error for {Resource}: {Content}", _nodeId,
                    dispatch.Envelope.Route.Resource, dispatch.Envelope.Content.ToString());
                break;
            case UpstreamDispatchKind.Drop:
                _log.LogWarning("node {Node}: dropped message {MsgId}: {Reason}", _nodeId,
                    dispatch.Envelope.Header.MsgId, dispatch.Target);
                break;
            default:
                Forward(dispatch);
                break;
        }
    }

    private void Forward(UpstreamDispatch dispatch) => _upstream.Tell(new CloudHubUpstream(_nodeId, dispatch), Self);

    private void OnConnectionEnded(ConnectionEnded message)
    {
        _log.LogInformation("node {Node}: session ends: {Reason}", _nodeId, message.Reason);
        Context.Stop(Self);
    }

    private void OnKeepaliveExpired()
    {
        _log.LogWarning("node {Node}: no keepalive for {Timeout}, closing the session", _nodeId, _options.KeepaliveTimeout);
        Context.Stop(Self);
    }
}
