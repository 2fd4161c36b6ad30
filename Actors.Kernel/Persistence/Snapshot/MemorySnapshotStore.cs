using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Serialization;

namespace Actors.Kernel.Persistence.Snapshot;

/// <summary>
/// In-memory <see cref="ISnapshotStore"/> for unit tests. With a <see cref="SerializerRegistry"/>
/// snapshots are stored serialized (same failures as SQLite); without one, as objects.
/// </summary>
public sealed class MemorySnapshotStore : ISnapshotStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Pid, long SeqNr), Stored> _snapshots = [];
    private readonly SerializerRegistry? _registry;
    private readonly TimeProvider _time;

    public MemorySnapshotStore(SerializerRegistry? registry = null, TimeProvider? timeProvider = null)
    {
        _registry = registry;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default)
    {
        Stored? best;
        lock (_lock)
        {
            best = _snapshots.Values
                .Where(s => s.Metadata.PersistenceId == persistenceId && criteria.IsMatch(s.Metadata))
                .MaxBy(s => s.Metadata.SequenceNr);
        }

        return Task.FromResult(best is null ? null : Restore(best));
    }

    /// <inheritdoc />
    public Task SaveAsync(SnapshotMetadata metadata, object snapshot)
    {
        var stamped = metadata.Timestamp == DateTime.MinValue ? metadata with { Timestamp = _time.GetUtcNow().UtcDateTime } : metadata;
        Stored stored;
        try
        {
            stored = new Stored(stamped, snapshot, _registry?.Serialize(snapshot));
        }
        catch (PersistenceSerializationException ex)
        {
            return Task.FromException(ex);
        }

        lock (_lock)
        {
            _snapshots[(stamped.PersistenceId, stamped.SequenceNr)] = stored;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(SnapshotMetadata metadata)
    {
        lock (_lock)
        {
            _snapshots.Remove((metadata.PersistenceId, metadata.SequenceNr));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria)
    {
        lock (_lock)
        {
            foreach (var key in _snapshots.Where(kv => kv.Key.Pid == persistenceId && criteria.IsMatch(kv.Value.Metadata)).Select(kv => kv.Key).ToList())
            {
                _snapshots.Remove(key);
            }
        }

        return Task.CompletedTask;
    }

    private SelectedSnapshot Restore(Stored stored)
    {
        if (stored.Serialized is not { } bytes)
        {
            return new SelectedSnapshot(stored.Metadata, stored.Snapshot);
        }

        try
        {
            return new SelectedSnapshot(stored.Metadata, _registry!.Deserialize(bytes.Manifest, bytes.SerializerId, bytes.Bytes));
        }
        catch (PersistenceSerializationException ex)
        {
            throw new PersistenceRecoveryException(stored.Metadata.PersistenceId, stored.Metadata.SequenceNr, bytes.Manifest, ex);
        }
    }

    private sealed record Stored(SnapshotMetadata Metadata, object Snapshot, SerializedPayload? Serialized);
}
