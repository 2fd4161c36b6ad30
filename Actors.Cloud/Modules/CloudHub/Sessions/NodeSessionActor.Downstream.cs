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
/// Deadlines live in one <see cref="RetrySchedule"/> per session with a single timer for the earliest of them.
/// </summary>
public sealed partial class NodeSessionActor
{
    private readonly Dictionary<string, PendingMessage> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keyByMsgId = new(StringComparer.Ordinal);
    private readonly RetrySchedule _retries = new();
    private DateTimeOffset? _retryArmedFor;
    private long _sendSeq;

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

        if (envelope.Route.Operation != Operations.Delete)
        {
            _acks.RecordSent(_nodeId, key, envelope.Route.Resource);
        }

        Send(new PendingMessage(key, envelope, frame, 0));
    }

    private void Send(PendingMessage pending)
    {
        var sent = pending with { Sends = pending.Sends + 1, Seq = ++_sendSeq };
        _pending[sent.ObjectKey] = sent;
        _keyByMsgId[sent.MsgId] = sent.ObjectKey;
        ScheduleRetry(sent, _options.RetryInterval);
        Write(sent.Frame);
    }

    /// <summary>One deadline in the schedule; the session's single retry timer is armed for the earliest one.</summary>
    private void ScheduleRetry(PendingMessage pending, TimeSpan delay)
    {
        var due = Context.System.TimeProvider.GetUtcNow() + delay;
        _retries.Add(new RetryEntry(pending.ObjectKey, pending.Seq), due);
        if (_retryArmedFor is not { } armed || due < armed)
        {
            ArmRetryTimer(due);
        }
    }

    private void ArmRetryTimer(DateTimeOffset due)
    {
        var delay = due - Context.System.TimeProvider.GetUtcNow();
        Timers.StartSingleTimer(RetryTimerKey, RetryTick.Instance, delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        _retryArmedFor = due;
    }

    private void OnRetryTick()
    {
        _retryArmedFor = null;
        foreach (var entry in _retries.TakeDue(Context.System.TimeProvider.GetUtcNow()))
        {
            if (_pending.TryGetValue(entry.ObjectKey, out var pending) && pending.Seq == entry.Seq)
            {
                Resend(pending);
            }
        }

        if (_retries.NextDue is { } next && (_retryArmedFor is not { } armed || next < armed))
        {
            ArmRetryTimer(next);
        }
    }

    private void Resend(PendingMessage pending)
    {
        if (pending.Sends >= _options.MaxSends)
        {
            var requeued = pending with { Sends = 0, Rounds = pending.Rounds + 1, Seq = ++_sendSeq };
            var delay = _options.BackoffAfter(requeued.Rounds);
            _log.LogWarning("node {Node}: message {MsgId} for {Key} not acknowledged after {Sends} sends, re-queued; next round in {Delay}",
                _nodeId, pending.MsgId, pending.ObjectKey, pending.Sends, delay);
            _pending[pending.ObjectKey] = requeued;
            ScheduleRetry(requeued, delay);
            return;
        }

        _metrics.Retried();
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
            _acks.RecordAck(_nodeId, key, pending.Envelope.Header.ResourceVersion, pending.Envelope.Route.Resource);
        }

        Remove(pending);
        return true;
    }

    /// <summary>Unacknowledged messages, handed back to the parent when the session ends (kept for the next session).</summary>
    private IReadOnlyList<MessageEnvelope> PendingEnvelopes() => [.. _pending.Values.Select(p => p.Envelope)];

    private void Remove(PendingMessage pending)
    {
        _pending.Remove(pending.ObjectKey);
        _keyByMsgId.Remove(pending.MsgId);
        if (_retries.Count > (2 * _pending.Count) + 64)
        {
            _retries.Compact(e => _pending.TryGetValue(e.ObjectKey, out var p) && p.Seq == e.Seq);
        }
    }

    private void Write(byte[] frame)
    {
        _metrics.Queued();
        if (_sender is null || !_sender.TryEnqueue(frame))
        {
            _log.LogWarning("node {Node}: send queue full ({Capacity}), frame not queued", _nodeId, _options.QueueCapacity);
        }
    }
}
