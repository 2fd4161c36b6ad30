using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>
/// Downstream: no-ACK messages are written once; ACK messages are kept per object key (newest version only),
/// resent every <see cref="CloudHubOptions.RetryInterval"/> up to <see cref="CloudHubOptions.MaxSends"/> sends, then
/// re-queued for another round after an exponential backoff (never dropped), and removed on the edge's ACK, which is
/// recorded in the <see cref="IAckStore"/>. What is still pending when the session ends goes back to the parent.
/// </summary>
public sealed partial class NodeSessionActor
{
    private readonly Dictionary<string, PendingMessage> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keyByMsgId = new(StringComparer.Ordinal);

    private void OnDownstream(DownstreamMessage message)
    {
        var envelope = message.Envelope;
        var frame = EnvelopeCodec.Encode(CloudHubTranslator.ToWire(envelope));
        if (!AckPolicy.RequiresAck(envelope))
        {
            Write(frame);
            return;
        }

        var key = ObjectVersions.KeyOf(envelope);
        if (_pending.TryGetValue(key, out var current))
        {
            if (!ObjectVersions.Supersedes(envelope, current.Envelope.Header.ResourceVersion))
            {
                _log.LogDebug("node {Node}: {Key} version {Version} is not newer than the queued one, skipped",
                    _nodeId, key, envelope.Header.ResourceVersion);
                return;
            }

            Remove(current);
        }
        else if (_acks.AckedVersion(_nodeId, key) is { } acked && envelope.Route.Operation != Operations.Delete
                 && !ObjectVersions.IsNewer(envelope.Header.ResourceVersion, acked))
        {
            _log.LogDebug("node {Node}: {Key} version {Version} already acknowledged, skipped",
                _nodeId, key, envelope.Header.ResourceVersion);
            return;
        }

        Send(new PendingMessage(key, envelope, frame, 0));
    }

    private void Send(PendingMessage pending)
    {
        var sent = pending with { Sends = pending.Sends + 1 };
        _pending[sent.ObjectKey] = sent;
        _keyByMsgId[sent.MsgId] = sent.ObjectKey;
        Timers.StartSingleTimer(RetryKey(sent.ObjectKey), new RetryDue(sent.ObjectKey, sent.MsgId), _options.RetryInterval);
        Write(sent.Frame);
    }

    private void OnRetryDue(RetryDue due)
    {
        if (!_pending.TryGetValue(due.ObjectKey, out var pending) || pending.MsgId != due.MsgId)
        {
            return;
        }

        if (pending.Sends >= _options.MaxSends)
        {
            var requeued = pending with { Sends = 0, Rounds = pending.Rounds + 1 };
            var delay = _options.BackoffAfter(requeued.Rounds);
            _log.LogWarning("node {Node}: message {MsgId} for {Key} not acknowledged after {Sends} sends, re-queued; next round in {Delay}",
                _nodeId, pending.MsgId, pending.ObjectKey, pending.Sends, delay);
            _pending[pending.ObjectKey] = requeued;
            Timers.StartSingleTimer(RetryKey(pending.ObjectKey), new RetryDue(pending.ObjectKey, pending.MsgId), delay);
            return;
        }

        Send(pending);
    }

    /// <summary>Consumes the ACK of one of our pending messages; false when the id is not ours.</summary>
    private bool OnAck(string ackedMsgId)
    {
        if (!_keyByMsgId.TryGetValue(ackedMsgId, out var key) || !_pending.TryGetValue(key, out var pending))
        {
            return false;
        }

        if (pending.Envelope.Route.Operation == Operations.Delete)
        {
            _acks.Forget(_nodeId, key);
        }
        else
        {
            _acks.RecordAck(_nodeId, key, pending.Envelope.Header.ResourceVersion);
        }

        Remove(pending);
        return true;
    }

    /// <summary>Unacknowledged messages, handed back to the parent when the session ends (kept for the next session).</summary>
    private IReadOnlyList<MessageEnvelope> PendingEnvelopes() => [.. _pending.Values.Select(p => p.Envelope)];

    private void Remove(PendingMessage pending)
    {
        Timers.Cancel(RetryKey(pending.ObjectKey));
        _pending.Remove(pending.ObjectKey);
        _keyByMsgId.Remove(pending.MsgId);
    }

    private void Write(byte[] frame)
    {
        if (_sender is null || !_sender.TryEnqueue(frame))
        {
            _log.LogWarning("node {Node}: send queue full ({Capacity}), frame not queued", _nodeId, _options.QueueCapacity);
        }
    }

    private static string RetryKey(string objectKey) => "retry:" + objectKey;
}
