namespace Actors.Kernel.Persistence.Snapshot;

/// <summary>
/// Snapshot plugin contract (Akka's <c>SnapshotStore</c> SPI as plain async methods).
/// Implementations are thread-safe.
/// </summary>
public interface ISnapshotStore
{
    /// <summary>
    /// The matching snapshot with the highest sequence number, or <c>null</c>. A stored snapshot
    /// that cannot be deserialized fails with a <see cref="Journal.PersistenceRecoveryException"/>.
    /// </summary>
    Task<SelectedSnapshot?> LoadAsync(
        string persistenceId,
        SnapshotSelectionCriteria criteria,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="snapshot"/>, replacing one with the same persistence id and sequence
    /// number. A <see cref="DateTime.MinValue"/> timestamp is stamped with the current UTC time.
    /// Completes after the snapshot is durable.
    /// </summary>
    Task SaveAsync(SnapshotMetadata metadata, object snapshot);

    /// <summary>Deletes the snapshot with this persistence id and sequence number (if any).</summary>
    Task DeleteAsync(SnapshotMetadata metadata);

    /// <summary>Deletes every snapshot of <paramref name="persistenceId"/> matching the criteria.</summary>
    Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria);
}
