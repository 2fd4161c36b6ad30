using Actors.Kernel.Persistence.Serialization;

namespace Actors.Kernel.Persistence.Journal;

/// <summary>
/// In-memory <see cref="IAsyncJournal"/> for unit tests (Akka's <c>inmem</c> journal). With a
/// <see cref="SerializerRegistry"/>, every payload goes through serialization and back, so tests see
/// the same rejections and the same replayed objects as with SQLite; without one, the event
/// objects are stored as they are.
/// </summary>
public sealed class MemoryJournal : IAsyncJournal
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SortedDictionary<long, Stored>> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _highest = new(StringComparer.Ordinal);
    private readonly SerializerRegistry? _registry;
    private readonly TimeProvider _time;

    public MemoryJournal(SerializerRegistry? registry = null, TimeProvider? timeProvider = null)
    {
        _registry = registry;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Exception?>> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages)
    {
        var prepared = messages.Select(Prepare).ToList();
        lock (_lock)
        {
            foreach (var (write, rows, _) in prepared)
            {
                if (rows is not null && _events.TryGetValue(write.PersistenceId, out var stream) &&
                    rows.Any(r => stream.ContainsKey(r.Event.SequenceNr)))
                {
                    return Task.FromException<IReadOnlyList<Exception?>>(new InvalidOperationException(
                        $"Duplicate sequence nr for persistence id '{write.PersistenceId}' in {write.LowestSequenceNr}..{write.HighestSequenceNr}."));
                }
            }

            foreach (var (write, rows, _) in prepared.Where(p => p.Rows is not null))
            {
                var stream = GetStream(write.PersistenceId);
                foreach (var row in rows!)
                {
                    stream[row.Event.SequenceNr] = row;
                }

                _highest[write.PersistenceId] = Math.Max(HighestLocked(write.PersistenceId), write.HighestSequenceNr);
            }
        }

        return Task.FromResult<IReadOnlyList<Exception?>>(prepared.Select(p => p.Rejection).ToList());
    }

    /// <inheritdoc />
    public Task ReplayMessagesAsync(
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        Action<IPersistentRepresentation> recoveryCallback,
        CancellationToken cancellationToken = default)
    {
        List<Stored> selected;
        lock (_lock)
        {
            selected = _events.TryGetValue(persistenceId, out var stream)
                ? stream.Values.Where(s => s.Event.SequenceNr >= fromSequenceNr && s.Event.SequenceNr <= toSequenceNr)
                    .Take((int)Math.Min(max, int.MaxValue)).ToList()
                : [];
        }

        foreach (var stored in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            recoveryCallback(Restore(stored));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(HighestLocked(persistenceId));
        }
    }

    /// <inheritdoc />
    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr)
    {
        lock (_lock)
        {
            if (_events.TryGetValue(persistenceId, out var stream))
            {
                foreach (var seqNr in stream.Keys.Where(k => k <= toSequenceNr).ToList())
                {
                    stream.Remove(seqNr);
                }
            }
        }

        return Task.CompletedTask;
    }

    private (AtomicWrite Write, List<Stored>? Rows, Exception? Rejection) Prepare(AtomicWrite write)
    {
        try
        {
            var now = _time.GetUtcNow().UtcDateTime.Ticks;
            var rows = write.Payload.Select(e => new Stored(e, Serialize(e), e.Timestamp == 0 ? now : e.Timestamp)).ToList();
            foreach (var e in write.Payload)
            {
                JournalTags.Format(e.Tags); // same tag rules as the SQL journal
            }

            return (write, rows, null);
        }
        catch (Exception ex) when (ex is PersistenceSerializationException or ArgumentException)
        {
            return (write, null, ex);
        }
    }

    private SerializedPayload? Serialize(IPersistentRepresentation e) => _registry?.Serialize(e.Payload);

    private Persistent Restore(Stored stored)
    {
        var e = stored.Event;
        var payload = e.Payload;
        var manifest = e.Manifest;
        if (stored.Serialized is { } bytes)
        {
            try
            {
                payload = _registry!.Deserialize(bytes.Manifest, bytes.SerializerId, bytes.Bytes);
                manifest = bytes.Manifest;
            }
            catch (PersistenceSerializationException ex)
            {
                throw new PersistenceRecoveryException(e.PersistenceId, e.SequenceNr, bytes.Manifest, ex);
            }
        }

        return new Persistent(payload, e.SequenceNr, e.PersistenceId, manifest, e.WriterGuid, stored.Timestamp) { Tags = e.Tags };
    }

    private SortedDictionary<long, Stored> GetStream(string persistenceId)
    {
        if (!_events.TryGetValue(persistenceId, out var stream))
        {
            stream = [];
            _events[persistenceId] = stream;
        }

        return stream;
    }

    private long HighestLocked(string persistenceId) => _highest.GetValueOrDefault(persistenceId);

    private sealed record Stored(IPersistentRepresentation Event, SerializedPayload? Serialized, long Timestamp);
}
