namespace Actors.Edge.Modules.EdgeHub.Outbox;

/// <summary>
/// The durable queue of edge→cloud messages, owned by the EdgeHub actor (one user at a time). Entries are delivered
/// in <see cref="OutboxEntry.Seq"/> order and removed only after a successful socket write.
/// </summary>
public interface IOutboxStore : IDisposable
{
    /// <summary>Appends a frame; when the store already holds its maximum, the oldest entries are removed first and their count returned.</summary>
    int Append(string msgId, byte[] frame, long createdMs);

    /// <summary>Up to <paramref name="limit"/> entries with a sequence greater than <paramref name="afterSeq"/>, oldest first.</summary>
    IReadOnlyList<OutboxEntry> ReadAfter(long afterSeq, int limit);

    /// <summary>Removes an entry; false (no error) if it was already gone.</summary>
    bool Remove(long seq);

    /// <summary>Entries currently stored.</summary>
    int Count { get; }
}
