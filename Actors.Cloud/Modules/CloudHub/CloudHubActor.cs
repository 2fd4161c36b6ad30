using System.Net.WebSockets;
using Actors.Cloud.Modules.CloudHub.Sessions;
using Actors.Kernel.Actor;
using Actors.Kernel.Event;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.CloudHub;

/// <summary>
/// Parent of the per-node sessions. It admits sockets (node limit; a new socket for a node replaces its session),
/// publishes connect/disconnect events upstream in order, and routes <see cref="DownstreamMessage"/>s to sessions.
/// A session that fails is stopped (its node reconnects), never restarted with a dead socket.
/// </summary>
public sealed class CloudHubActor : ReceiveActor
{
    private readonly IActorRef _upstream;
    private readonly CloudHubOptions _options;
    private readonly IAckStore _acks;
    private readonly ILogger _log;
    private readonly Dictionary<string, IActorRef> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, string> _nodeBySession = [];
    private readonly Dictionary<string, OfflineQueue> _offline = new(StringComparer.Ordinal);
    private readonly CloudHubMetrics _metrics;
    private long _generation;

    public CloudHubActor(IActorRef upstream, CloudHubOptions options, IAckStore acks)
    {
        _upstream = upstream;
        _options = options.Validate();
        _acks = acks;
        _log = Context.GetLogger();
        _metrics = CloudHubMetrics.Get(Context.System);
        Receive<NodeSocketAccepted>(OnSocket);
        Receive<DownstreamMessage>(OnDownstream);
        Receive<Terminated>(OnTerminated);
        Receive<PendingHandedBack>(OnPendingHandedBack);
        Receive<AdmitNode>(m => Sender.Tell(new NodeAdmission(HasRoomFor(m.NodeId)), Self));
        Receive<GetConnectedNodes>(_ => Sender.Tell(new ConnectedNodes(_sessions.Keys.ToArray())));
    }

    public static Props Props(IActorRef upstream, CloudHubOptions options, IAckStore? acks = null) =>
        Kernel.Actor.Props.Create(() => new CloudHubActor(upstream, options, acks ?? new InMemoryAckStore()));

    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(_ => Directive.Stop);

    private void OnSocket(NodeSocketAccepted message)
    {
        var node = message.NodeId;
        if (_sessions.TryGetValue(node, out var old))
        {
            _log.LogInformation("node {Node} connected again, replacing its session", node);
            EndSession(old, node);
        }
        else if (!HasRoomFor(node))
        {
            _log.LogWarning("node {Node} refused: node limit {Limit} reached", node, _options.NodeLimit);
            _ = RefuseAsync(message);
            return;
        }

        var name = $"node-{Uri.EscapeDataString(node)}-{++_generation}";
        var session = Context.ActorOf(
            NodeSessionActor.Props(node, message.Socket, message.Done, _upstream, _options, _acks), name);
        Context.Watch(session);
        _sessions[node] = session;
        _metrics.ConnectedNodes(_sessions.Count);
        _nodeBySession[session] = node;
        _log.LogInformation("node {Node} connected", node);
        Publish(CloudHubTranslator.ToEnvelope(new NodeConnected(node, Now), Header()));
        if (_offline.Remove(node, out var queued))
        {
            _metrics.OfflineMessages(_offline.Values.Sum(q => q.Count));
            _log.LogInformation("node {Node}: sending {Count} message(s) queued while it was offline", node, queued.Count);
            foreach (var envelope in queued.Envelopes)
            {
                session.Tell(new DownstreamMessage(node, envelope), Self);
            }
        }
    }

    private bool HasRoomFor(string node) => _sessions.ContainsKey(node) || _sessions.Count < _options.NodeLimit;

    private void OnDownstream(DownstreamMessage message)
    {
        if (!CloudHubTranslator.IsToEdge(message.Envelope))
        {
            return;
        }

        if (_sessions.TryGetValue(message.NodeId, out var session))
        {
            session.Tell(message, Sender);
        }
        else if (AckPolicy.RequiresAck(message.Envelope))
        {
            Enqueue(message.NodeId, message.Envelope);
        }
        else
        {
            _log.LogWarning("no session for node {Node}: message {MsgId} for {Resource} needs no ACK and is not kept", message.NodeId,
                message.Envelope.Header.MsgId, message.Envelope.Route.Resource);
        }
    }

    /// <summary>A stopped session's unacknowledged messages: to the node's new session if it has one, else kept.</summary>
    private void OnPendingHandedBack(PendingHandedBack message)
    {
        if (_sessions.TryGetValue(message.NodeId, out var current) && !current.Equals(Sender))
        {
            foreach (var envelope in message.Envelopes)
            {
                current.Tell(new DownstreamMessage(message.NodeId, envelope), Self);
            }

            return;
        }

        foreach (var envelope in message.Envelopes)
        {
            Enqueue(message.NodeId, envelope);
        }
    }

    private void Enqueue(string node, MessageEnvelope envelope)
    {
        if (!_offline.TryGetValue(node, out var queue))
        {
            queue = new OfflineQueue(_options.OfflineQueueCapacity);
            _offline[node] = queue;
        }

        if (queue.Add(envelope) is { } evicted)
        {
            _log.LogWarning("node {Node} offline: queue full ({Capacity}), oldest message {MsgId} for {Resource} evicted", node,
                _options.OfflineQueueCapacity, evicted.Header.MsgId, evicted.Route.Resource);
        }

        _metrics.OfflineMessages(_offline.Values.Sum(q => q.Count));
    }

    private void OnTerminated(Terminated message)
    {
        if (_nodeBySession.Remove(message.ActorRef, out var node)
            && _sessions.TryGetValue(node, out var current) && current.Equals(message.ActorRef))
        {
            _sessions.Remove(node);
            _metrics.ConnectedNodes(_sessions.Count);
            _log.LogInformation("node {Node} disconnected", node);
            Publish(CloudHubTranslator.ToEnvelope(new NodeDisconnected(node, Now), Header()));
        }
    }

    private void EndSession(IActorRef session, string node)
    {
        Context.Unwatch(session);
        _nodeBySession.Remove(session);
        _sessions.Remove(node);
        _metrics.ConnectedNodes(_sessions.Count);
        Context.Stop(session);
        Publish(CloudHubTranslator.ToEnvelope(new NodeDisconnected(node, Now), Header()));
    }

    private void Publish(MessageEnvelope envelope)
    {
        foreach (var group in _options.ConnectEventGroups)
        {
            _upstream.Tell(
                new CloudHubUpstream(
                    ResourcePaths.NodeIdOf(envelope.Route.Resource) ?? string.Empty,
                    new UpstreamDispatch(UpstreamDispatchKind.Group, group, envelope)),
                Self);
        }
    }

    private static async Task RefuseAsync(NodeSocketAccepted message)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await message.Socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "node limit reached", timeout.Token)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // the peer is gone
        }
        finally
        {
            message.Socket.Abort();
            message.Done.TrySetResult();
        }
    }

    private DateTimeOffset Now => Context.System.TimeProvider.GetUtcNow();

    private MessageHeader Header() => MessageHeader.New(Context.System.TimeProvider);
}
