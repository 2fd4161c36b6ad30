using System.Collections.Concurrent;
using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.Router;

/// <summary>
/// What the router actor shares with its REST server's request threads: the current <see cref="RuleTable"/> (replaced
/// whole by the actor) and the service calls waiting for the edge's answer, keyed by request id.
/// </summary>
public sealed class RouterState
{
    private RuleTable _table = RuleTable.Empty;

    public RuleTable Table
    {
        get => Volatile.Read(ref _table);
        set => Volatile.Write(ref _table, value ?? RuleTable.Empty);
    }

    public ConcurrentDictionary<string, TaskCompletionSource<MessageEnvelope>> Pending { get; } = new(StringComparer.Ordinal);

    /// <summary>Completes the call <paramref name="answer"/> answers; false when nobody waits (timed out or unknown).</summary>
    public bool TryAnswer(MessageEnvelope answer) =>
        answer is not null && answer.Header.ParentMsgId.Length > 0
        && Pending.TryRemove(answer.Header.ParentMsgId, out var waiting) && waiting.TrySetResult(answer);
}
