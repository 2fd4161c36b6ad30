using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.MetaManager;

/// <summary>
/// Ordering of retried cloud writes: every cloud message gets an arrival number when first handled. A message whose
/// write failed waits for its retry; if meanwhile a later message for the same object committed, the retry must not
/// write the older content over it: it is superseded, and only ACKed (the edge holds a newer version).
/// </summary>
internal sealed partial class MetaManagerActor
{
    private readonly Dictionary<string, (string Key, long Seq)> _awaitingRetry = new(StringComparer.Ordinal);
    private readonly HashSet<string> _superseded = new(StringComparer.Ordinal);
    private long _cloudSeq;

    /// <summary>The message's arrival number: a new one on the first attempt, the remembered one on a retry.</summary>
    private long SequenceOf(MessageEnvelope envelope, int attempt) =>
        attempt > 1 && _awaitingRetry.TryGetValue(envelope.Header.MsgId, out var waiting) ? waiting.Seq : ++_cloudSeq;

    private void AwaitRetry(MessageEnvelope envelope, EdgeResource resource, long seq) =>
        _awaitingRetry[envelope.Header.MsgId] = (resource.ToString(), seq);

    /// <summary>True (and forgotten) when a later message for the same object committed while this one waited.</summary>
    private bool TakeSuperseded(MessageEnvelope envelope)
    {
        if (!_superseded.Remove(envelope.Header.MsgId))
        {
            return false;
        }

        _awaitingRetry.Remove(envelope.Header.MsgId);
        _log.LogInformation("Retry of cloud message {MsgId} ({Resource}) skipped: a later message for it was stored; acknowledged",
            envelope.Header.MsgId, envelope.Route.Resource);
        return true;
    }

    /// <summary>After a commit of message <paramref name="seq"/> for <paramref name="key"/>: older waiting retries of that object are superseded.</summary>
    private void Supersede(string msgId, string key, long seq)
    {
        _awaitingRetry.Remove(msgId);
        foreach (var (id, waiting) in _awaitingRetry)
        {
            if (waiting.Key == key && waiting.Seq < seq)
            {
                _superseded.Add(id);
            }
        }
    }
}
