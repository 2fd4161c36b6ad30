namespace Actors.Edge.Modules.EdgeHub.Dedupe;

/// <summary>
/// The cloud msg_ids seen most recently, bounded: when full, the least recently seen id is forgotten. Not
/// thread-safe (owned by the EdgeHub actor). Lives as long as the module incarnation: after an edgecore restart a
/// retried message is dispatched again (the cloud's resourceVersion bookkeeping and the modules' idempotent
/// upserts cover that case).
/// </summary>
internal sealed class SeenMessageIds
{
    private readonly int _capacity;
    private readonly Dictionary<string, LinkedListNode<string>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _order = new();

    public SeenMessageIds(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _index.Count;

    /// <summary>True when <paramref name="msgId"/> is remembered (it becomes the most recently seen).</summary>
    public bool Contains(string msgId)
    {
        if (!_index.TryGetValue(msgId, out var node))
        {
            return false;
        }

        _order.Remove(node);
        _order.AddFirst(node);
        return true;
    }

    /// <summary>Records <paramref name="msgId"/>; false when it was already known (a duplicate).</summary>
    public bool Add(string msgId)
    {
        if (_index.TryGetValue(msgId, out var node))
        {
            _order.Remove(node);
            _order.AddFirst(node);
            return false;
        }

        if (_index.Count >= _capacity)
        {
            var oldest = _order.Last!;
            _order.RemoveLast();
            _index.Remove(oldest.Value);
        }

        _index[msgId] = _order.AddFirst(msgId);
        return true;
    }
}
