namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>
/// A session's retry deadlines in one priority queue, so the session runs a single timer (for the earliest deadline)
/// instead of starting and cancelling a timer per message. Entries are never removed when a message is acknowledged
/// or superseded; the owner recognises stale ones by their send sequence number when they come due, and
/// <see cref="Compact"/> drops them when they outnumber the live ones, which keeps the queue bounded by the number of
/// pending messages. Not thread-safe: owned by one actor.
/// </summary>
internal sealed class RetrySchedule
{
    private PriorityQueue<RetryEntry, DateTimeOffset> _queue = new();

    /// <summary>Entries held, stale ones included.</summary>
    public int Count => _queue.Count;

    /// <summary>The earliest deadline, or null when empty.</summary>
    public DateTimeOffset? NextDue => _queue.TryPeek(out _, out var due) ? due : null;

    public void Add(RetryEntry entry, DateTimeOffset due) => _queue.Enqueue(entry, due);

    /// <summary>Removes and returns the entries due at <paramref name="now"/>, earliest first.</summary>
    public List<RetryEntry> TakeDue(DateTimeOffset now)
    {
        var due = new List<RetryEntry>();
        while (_queue.TryPeek(out var entry, out var at) && at <= now)
        {
            _queue.Dequeue();
            due.Add(entry);
        }

        return due;
    }

    /// <summary>Keeps only the entries for which <paramref name="isLive"/> holds.</summary>
    public void Compact(Func<RetryEntry, bool> isLive)
    {
        var kept = new PriorityQueue<RetryEntry, DateTimeOffset>();
        foreach (var (entry, due) in _queue.UnorderedItems)
        {
            if (isLive(entry))
            {
                kept.Enqueue(entry, due);
            }
        }

        _queue = kept;
    }
}

/// <summary>One deadline: the object and the send sequence number of the pending message it was set for.</summary>
internal readonly record struct RetryEntry(string ObjectKey, long Seq);
