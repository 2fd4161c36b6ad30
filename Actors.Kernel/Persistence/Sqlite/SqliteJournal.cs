using System.Collections.Immutable;
using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Serialization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Kernel.Persistence.Sqlite;

/// <summary>
/// <see cref="IAsyncJournal"/> on SQLite with Akka.Persistence.Sqlite's schema. Writes are
/// serialized on the caller's thread, then group-committed by one writer thread that owns the
/// write connection (see <see cref="GroupCommitWriter"/>); reads use their own pooled connections,
/// which WAL lets run beside the writer. Dispose to drain queued writes and close the database.
/// </summary>
public sealed class SqliteJournal : IAsyncJournal, IDisposable
{
    private readonly SqliteJournalSql _sql;
    private readonly SqliteConnectionFactory _connections;
    private readonly SerializerRegistry _registry;
    private readonly TimeProvider _time;
    private readonly GroupCommitWriter _writer;

    /// <summary>Validates <paramref name="options"/>, opens the database, creates or checks the tables and starts the writer.</summary>
    public SqliteJournal(SqliteJournalOptions options, SerializerRegistry registry, ILogger<SqliteJournal>? logger = null, TimeProvider? timeProvider = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid SQLite journal options: " + string.Join(" ", errors), nameof(options));
        }

        _sql = new SqliteJournalSql(options.TableName, options.MetadataTableName);
        _connections = new SqliteConnectionFactory(options.ConnectionString, options.ConnectionTimeout, options.Synchronous);
        _registry = registry;
        _time = timeProvider ?? TimeProvider.System;
        var connection = _connections.Open(setWal: true);
        try
        {
            EnsureSchema(connection, options.AutoInitialize);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _writer = new GroupCommitWriter(
            connection, _sql, options.MaxMessageBatchSize, options.MaxBatchBytes, (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>Transactions committed by the writer (fewer than writes when batching works).</summary>
    public long CommittedBatches => _writer.CommittedBatches;

    /// <summary>Events committed by the writer.</summary>
    public long CommittedEvents => _writer.CommittedEvents;

    /// <inheritdoc />
    public Task<IReadOnlyList<Exception?>> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages)
    {
        var now = _time.GetUtcNow().UtcDateTime.Ticks;
        var op = new WriteOperation(messages.Select(m => Prepare(m, now)).ToList());
        return _writer.TryEnqueue(op)
            ? op.Task
            : Task.FromException<IReadOnlyList<Exception?>>(new ObjectDisposedException(nameof(SqliteJournal)));
    }

    /// <inheritdoc />
    public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr)
    {
        var op = new DeleteOperation(persistenceId, toSequenceNr);
        return _writer.TryEnqueue(op) ? op.Task : Task.FromException(new ObjectDisposedException(nameof(SqliteJournal)));
    }

    /// <inheritdoc />
    /// <remarks>The callback runs on a thread-pool thread, one event at a time, in order.</remarks>
    public Task ReplayMessagesAsync(
        string persistenceId,
        long fromSequenceNr,
        long toSequenceNr,
        long max,
        Action<IPersistentRepresentation> recoveryCallback,
        CancellationToken cancellationToken = default) =>
        max <= 0 || toSequenceNr < fromSequenceNr
            ? Task.CompletedTask
            : Task.Run(() => Replay(persistenceId, fromSequenceNr, toSequenceNr, max, recoveryCallback, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken = default) =>
        Task.Run(
            () =>
            {
                using var connection = _connections.Open();
                return DeleteOperation.ReadHighest(connection, null, _sql, persistenceId);
            },
            cancellationToken);

    /// <summary>Finishes queued writes, then closes the write connection.</summary>
    public void Dispose() => _writer.Dispose();

    private void Replay(string pid, long from, long to, long max, Action<IPersistentRepresentation> callback, CancellationToken ct)
    {
        using var connection = _connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = _sql.Replay;
        command.Parameters.AddWithValue("$pid", pid);
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$to", to);
        command.Parameters.AddWithValue("$max", max);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ct.ThrowIfCancellationRequested();
            callback(ReadEvent(reader, pid));
        }
    }

    private Persistent ReadEvent(SqliteDataReader reader, string pid)
    {
        var seqNr = reader.GetInt64(0);
        var manifest = reader.IsDBNull(1) ? string.Empty : reader.GetString(1);
        try
        {
            int? serializerId = reader.IsDBNull(5) ? null : reader.GetInt32(5);
            var payload = _registry.Deserialize(manifest, serializerId, reader.GetFieldValue<byte[]>(3));
            var tags = reader.IsDBNull(4) ? ImmutableArray<string>.Empty : JournalTags.Parse(reader.GetString(4));
            return new Persistent(payload, seqNr, pid, manifest, string.Empty, reader.GetInt64(2)) { Tags = tags };
        }
        catch (Exception ex) when (ex is PersistenceSerializationException or InvalidCastException or FormatException or OverflowException)
        {
            throw new PersistenceRecoveryException(pid, seqNr, manifest, ex);
        }
    }

    private PreparedWrite Prepare(AtomicWrite write, long now)
    {
        try
        {
            var rows = new List<JournalRow>(write.Size);
            foreach (var e in write.Payload)
            {
                var serialized = _registry.Serialize(e.Payload);
                var ts = e.Timestamp == 0 ? now : e.Timestamp;
                rows.Add(new JournalRow(e.PersistenceId, e.SequenceNr, serialized.Manifest, ts, serialized.Bytes, JournalTags.Format(e.Tags), serialized.SerializerId));
            }

            return new PreparedWrite(rows, null);
        }
        catch (Exception ex) when (ex is PersistenceSerializationException or ArgumentException)
        {
            return new PreparedWrite([], ex);
        }
    }

    private void EnsureSchema(SqliteConnection connection, bool autoInitialize)
    {
        if (autoInitialize)
        {
            SqliteConnectionFactory.Execute(connection, _sql.CreateJournal + _sql.CreateMetadata);
            return;
        }

        foreach (var table in new[] { _sql.Table, _sql.MetadataTable })
        {
            if (!SqliteConnectionFactory.TableExists(connection, table))
            {
                throw new InvalidOperationException(
                    $"Journal table '{table}' does not exist and {SqliteJournalOptions.ConfigPath}.auto-initialize is off.");
            }
        }
    }
}
