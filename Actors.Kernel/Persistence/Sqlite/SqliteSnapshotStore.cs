using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Serialization;
using Actors.Kernel.Persistence.Snapshot;
using Microsoft.Data.Sqlite;

namespace Actors.Kernel.Persistence.Sqlite;

/// <summary>
/// <see cref="ISnapshotStore"/> on SQLite with Akka.Persistence.Sqlite's <c>snapshot</c> table.
/// Snapshots are rare, so there is no batching: each call runs on a pool thread with a pooled
/// connection; saves are serialized among themselves and wait out the journal's writer through
/// the busy timeout when both share a file.
/// </summary>
public sealed class SqliteSnapshotStore : ISnapshotStore, IDisposable
{
    private readonly SqliteSnapshotSql _sql;
    private readonly SqliteConnectionFactory _connections;
    private readonly SerializerRegistry _registry;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Validates <paramref name="options"/>, opens the database and creates or checks the table.</summary>
    public SqliteSnapshotStore(SqliteSnapshotStoreOptions options, SerializerRegistry registry, TimeProvider? timeProvider = null)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid SQLite snapshot store options: " + string.Join(" ", errors), nameof(options));
        }

        _sql = new SqliteSnapshotSql(options.TableName);
        _connections = new SqliteConnectionFactory(options.ConnectionString, options.ConnectionTimeout, options.Synchronous);
        _registry = registry;
        _time = timeProvider ?? TimeProvider.System;
        using var connection = _connections.Open(setWal: true);
        if (options.AutoInitialize)
        {
            SqliteConnectionFactory.Execute(connection, _sql.Create);
        }
        else if (!SqliteConnectionFactory.TableExists(connection, _sql.Table))
        {
            throw new InvalidOperationException(
                $"Snapshot table '{_sql.Table}' does not exist and {SqliteSnapshotStoreOptions.ConfigPath}.auto-initialize is off.");
        }
    }

    /// <inheritdoc />
    public Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken = default) =>
        Task.Run(() => Load(persistenceId, criteria), cancellationToken);

    /// <inheritdoc />
    public Task SaveAsync(SnapshotMetadata metadata, object snapshot)
    {
        SerializedPayload serialized;
        try
        {
            serialized = _registry.Serialize(snapshot);
        }
        catch (PersistenceSerializationException ex)
        {
            return Task.FromException(ex);
        }

        var timestamp = metadata.Timestamp == DateTime.MinValue ? _time.GetUtcNow().UtcDateTime : metadata.Timestamp;
        return WriteAsync(_sql.Upsert, c =>
        {
            Bind(c, metadata.PersistenceId);
            c.Parameters.AddWithValue("$seq", metadata.SequenceNr);
            c.Parameters.AddWithValue("$ts", timestamp.Ticks);
            c.Parameters.AddWithValue("$manifest", serialized.Manifest);
            c.Parameters.AddWithValue("$payload", serialized.Bytes);
            c.Parameters.AddWithValue("$sid", serialized.SerializerId);
        });
    }

    /// <inheritdoc />
    public Task DeleteAsync(SnapshotMetadata metadata) =>
        WriteAsync(_sql.DeleteOne, c =>
        {
            Bind(c, metadata.PersistenceId);
            c.Parameters.AddWithValue("$seq", metadata.SequenceNr);
        });

    /// <inheritdoc />
    public Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria) =>
        WriteAsync(_sql.DeleteMatching, c => BindCriteria(c, persistenceId, criteria));

    public void Dispose() => _writeGate.Dispose();

    private SelectedSnapshot? Load(string persistenceId, SnapshotSelectionCriteria criteria)
    {
        using var connection = _connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = _sql.SelectLatest;
        BindCriteria(command, persistenceId, criteria);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var seqNr = reader.GetInt64(0);
        var manifest = reader.GetString(2);
        try
        {
            var metadata = new SnapshotMetadata(persistenceId, seqNr, new DateTime(reader.GetInt64(1), DateTimeKind.Utc));
            int? serializerId = reader.IsDBNull(4) ? null : reader.GetInt32(4);
            return new SelectedSnapshot(metadata, _registry.Deserialize(manifest, serializerId, reader.GetFieldValue<byte[]>(3)));
        }
        catch (Exception ex) when (ex is PersistenceSerializationException or InvalidCastException or ArgumentOutOfRangeException)
        {
            throw new PersistenceRecoveryException(persistenceId, seqNr, manifest, ex);
        }
    }

    private async Task WriteAsync(string sql, Action<SqliteCommand> bind)
    {
        await _writeGate.WaitAsync();
        try
        {
            await Task.Run(() =>
            {
                using var connection = _connections.Open();
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                bind(command);
                command.ExecuteNonQuery();
            });
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private static void Bind(SqliteCommand command, string persistenceId) =>
        command.Parameters.AddWithValue("$pid", persistenceId);

    private static void BindCriteria(SqliteCommand command, string persistenceId, SnapshotSelectionCriteria criteria)
    {
        Bind(command, persistenceId);
        command.Parameters.AddWithValue("$minSeq", criteria.MinSequenceNr);
        command.Parameters.AddWithValue("$maxSeq", criteria.MaxSequenceNr);
        command.Parameters.AddWithValue("$minTs", criteria.MinTimestamp.Ticks);
        command.Parameters.AddWithValue("$maxTs", criteria.MaxTimestamp.Ticks);
    }
}
