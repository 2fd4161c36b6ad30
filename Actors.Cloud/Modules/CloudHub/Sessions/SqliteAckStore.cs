using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>
/// Durable <see cref="IAckStore"/> in one SQLite file (table <c>object_sync(node, uid, version)</c>, WAL). Reads are
/// served from a cache loaded at open; writes go to the cache at once and to the file in batches (one transaction
/// per <see cref="FlushInterval"/>, and on <see cref="Flush"/>/<see cref="Dispose"/>; upserts go 64 rows per statement). A crash can lose the last
/// batch: the cloud then re-sends those versions, which is at-least-once delivery, never a lost update.
/// </summary>
public sealed class SqliteAckStore : IAckStore, IDisposable
{
    /// <summary>How often pending writes are committed.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(100);

    // 3 parameters per row: 192 bound values per statement, well under SQLite's limit of 32,766.
    private const int RowsPerUpsert = 64;

    private readonly ConcurrentDictionary<(string Node, string Key), string> _versions = new();
    private readonly Lock _gate = new();
    private readonly Lock _flushGate = new();
    private readonly SqliteConnection _connection;
    private readonly Timer _timer;
    private Dictionary<(string Node, string Key), string?> _dirty = [];
    private bool _disposed;

    public SqliteAckStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            _connection.Open();
            Initialise();
        }
        catch
        {
            _connection.Dispose();
            throw;
        }

        _timer = new Timer(_ => Flush(), null, FlushInterval, FlushInterval);
    }

    private void Initialise()
    {
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;"
                + "CREATE TABLE IF NOT EXISTS object_sync (node TEXT NOT NULL, uid TEXT NOT NULL, version TEXT NOT NULL, "
                + "PRIMARY KEY (node, uid)) WITHOUT ROWID;");
        Load();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public string? AckedVersion(string nodeId, string objectKey) =>
        _versions.TryGetValue((nodeId, objectKey), out var version) ? version : null;

    public void RecordAck(string nodeId, string objectKey, string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        lock (_gate)
        {
            _versions[(nodeId, objectKey)] = version;
            _dirty[(nodeId, objectKey)] = version;
        }
    }

    public void Forget(string nodeId, string objectKey)
    {
        lock (_gate)
        {
            _versions.TryRemove((nodeId, objectKey), out _);
            _dirty[(nodeId, objectKey)] = null;
        }
    }

    /// <summary>Commits every pending write in one transaction (outside the lock that RecordAck/Forget take).</summary>
    public void Flush()
    {
        lock (_flushGate)
        {
            Dictionary<(string Node, string Key), string?> batch;
            lock (_gate)
            {
                if (_disposed || _dirty.Count == 0)
                {
                    return;
                }

                batch = _dirty;
                _dirty = [];
            }

            Write(batch);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        Flush();
        lock (_flushGate)
        {
            lock (_gate)
            {
                _disposed = true;
            }

            _connection.Dispose();
        }
    }

    private void Write(Dictionary<(string Node, string Key), string?> batch)
    {
        using var tx = _connection.BeginTransaction();
        using var upsertMany = Upsert(tx, RowsPerUpsert);
        using var upsertOne = Upsert(tx, 1);
        using var delete = Command(tx, "DELETE FROM object_sync WHERE node = $n AND uid = $k", ["$n", "$k"]);
        var rows = new List<(string Node, string Key, string Version)>(RowsPerUpsert);
        foreach (var ((node, key), version) in batch)
        {
            if (version is null)
            {
                delete.Parameters[0].Value = node;
                delete.Parameters[1].Value = key;
                delete.ExecuteNonQuery();
                continue;
            }

            rows.Add((node, key, version));
            if (rows.Count == RowsPerUpsert)
            {
                Bind(upsertMany, rows);
                rows.Clear();
            }
        }

        foreach (var row in rows)
        {
            Bind(upsertOne, [row]);
        }

        tx.Commit();
    }

    /// <summary>One statement upserting <paramref name="rows"/> rows (a batch costs a statement per 64 ACKs, not per ACK).</summary>
    private SqliteCommand Upsert(SqliteTransaction tx, int rows)
    {
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(i => $"($n{i}, $k{i}, $v{i})"));
        var names = Enumerable.Range(0, rows).SelectMany(i => new[] { $"$n{i}", $"$k{i}", $"$v{i}" });
        return Command(tx, "INSERT INTO object_sync (node, uid, version) VALUES " + values
                           + " ON CONFLICT (node, uid) DO UPDATE SET version = excluded.version", names);
    }

    private static void Bind(SqliteCommand upsert, List<(string Node, string Key, string Version)> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            upsert.Parameters[3 * i].Value = rows[i].Node;
            upsert.Parameters[(3 * i) + 1].Value = rows[i].Key;
            upsert.Parameters[(3 * i) + 2].Value = rows[i].Version;
        }

        upsert.ExecuteNonQuery();
    }

    private SqliteCommand Command(SqliteTransaction tx, string sql, IEnumerable<string> parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private void Load()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT node, uid, version FROM object_sync";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _versions[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        }
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
