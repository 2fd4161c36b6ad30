namespace Actors.Kernel.Persistence.Journal;

/// <summary>
/// Journal plugin contract (Akka's <c>AsyncWriteJournal</c> SPI, as plain async methods so the
/// persistent-actor layer can call it from any actor). Implementations are thread-safe.
/// </summary>
public interface IAsyncJournal
{
    /// <summary>
    /// Writes each <see cref="AtomicWrite"/> atomically. The result has one entry per write, in
    /// order: <c>null</c> = stored, an exception = <b>rejected</b> (e.g. the payload could not be
    /// serialized; nothing of that write was stored, the others were — Akka's
    /// <c>OnPersistRejected</c>, the actor continues). A faulted task = <b>failure</b> (storage
    /// error or a duplicate sequence number): treat every write of the call as failed and not
    /// stored (Akka's <c>OnPersistFailure</c>, the actor stops). The task completes only after the
    /// writes are durable.
    /// Writes of one caller are applied in call order.
    /// </summary>
    Task<IReadOnlyList<Exception?>> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages);

    /// <summary>
    /// Calls <paramref name="recoveryCallback"/> for each stored event of
    /// <paramref name="persistenceId"/> with <paramref name="fromSequenceNr"/> ≤ seqNr ≤
    /// <paramref name="toSequenceNr"/>, ascending, at most <paramref name="max"/> events
    /// (<see cref="long.MaxValue"/> = all). A payload that cannot be read fails the task with a
    /// <see cref="PersistenceRecoveryException"/>; no event is skipped.
    /// </summary>
    Task ReplayMessagesAsync(
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        Action<IPersistentRepresentation> recoveryCallback,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Highest sequence number ever written for <paramref name="persistenceId"/>, also after its
    /// events were deleted; 0 if none. <paramref name="fromSequenceNr"/> is a hint (Akka passes
    /// the snapshot's sequence number) and never lowers the answer.
    /// </summary>
    Task<long> ReadHighestSequenceNrAsync(
        string persistenceId,
        long fromSequenceNr,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Permanently deletes events with seqNr ≤ <paramref name="toSequenceNr"/> (inclusive) and
    /// keeps the highest sequence number, so a recovering actor continues numbering after it.
    /// Ordered after earlier writes of the same caller.
    /// </summary>
    Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr);
}
