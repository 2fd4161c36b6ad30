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

    private readonly ConcurrentDictionary<(string Node, string Key), (string Version, string Resource)> _versions = new();
    private readonly Lock _gate = new();
    private readonly Lock _flushGate = new();
    private readonly SqliteConnection _connection;
    private readonly Timer _timer;
    private Dictionary<(string Node, string Key), (string Version, string Resource)?> _dirty = [];
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
        if (!HasColumn("object_sync", "resource"))
        {
            // Migration: stores written before object paths were kept get an empty path (not reconciled, as before).
            Execute("ALTER TABLE object_sync ADD COLUMN resource TEXT NOT NULL DEFAULT ''");
        }

        Load();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public string? AckedVersion(string nodeId, string objectKey) =>
        _versions.TryGetValue((nodeId, objectKey), out var acked) ? acked.Version : null;

    public void RecordAck(string nodeId, string objectKey, string version, string resource = "")
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(resource);
        lock (_gate)
        {
            _versions[(nodeId, objectKey)] = (version, resource);
            _dirty[(nodeId, objectKey)] = (version, resource);
        }
    }

    public void RecordSent(string nodeId, string objectKey, string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (_versions.TryGetValue((nodeId, objectKey), out var known) && known.Resource.Length > 0)
        {
            return; // the common case on the send path: already recorded, no write
        }

        lock (_gate)
        {
            var entry = _versions.TryGetValue((nodeId, objectKey), out known) ? (known.Version, resource) : (string.Empty, resource);
            _versions[(nodeId, objectKey)] = entry;
            _dirty[(nodeId, objectKey)] = entry;
        }
    }

    public IReadOnlyList<AckedObject> AckedObjects(string nodeId) =>
        [.. _versions.Where(e => e.Key.Node == nodeId).Select(e => new AckedObject(e.Key.Key, e.Value.Resource))];

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
            Dictionary<(string Node, string Key), (string Version, string Resource)?> batch;
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

    private void Write(Dictionary<(string Node, string Key), (string Version, string Resource)?> batch)
    {
        using var tx = _connection.BeginTransaction();
        using var upsertMany = Upsert(tx, RowsPerUpsert);
        using var upsertOne = Upsert(tx, 1);
        using var delete = Command(tx, "DELETE FROM object_sync WHERE node = $n AND uid = $k", ["$n", "$k"]);
        var rows = new List<(string Node, string Key, string Version, string Resource)>(RowsPerUpsert);
        foreach (var ((node, key), acked) in batch)
        {
            if (acked is not { } version)
            {
                delete.Parameters[0].Value = node;
                delete.Parameters[1].Value = key;
                delete.ExecuteNonQuery();
                continue;
            }

            rows.Add((node, key, version.Version, version.Resource));
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
        var values = string.Join(", ", Enumerable.Range(0, rows).Select(i => $"($n{i}, $k{i}, $v{i}, $r{i})"));
        var names = Enumerable.Range(0, rows).SelectMany(i => new[] { $"$n{i}", $"$k{i}", $"$v{i}", $"$r{i}" });
        return Command(tx, "INSERT INTO object_sync (node, uid, version, resource) VALUES " + values
                           + " ON CONFLICT (node, uid) DO UPDATE SET version = excluded.version, resource = excluded.resource", names);
    }

    private static void Bind(SqliteCommand upsert, List<(string Node, string Key, string Version, string Resource)> rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            upsert.Parameters[4 * i].Value = rows[i].Node;
            upsert.Parameters[(4 * i) + 1].Value = rows[i].Key;
            upsert.Parameters[(4 * i) + 2].Value = rows[i].Version;
            upsert.Parameters[(4 * i) + 3].Value = rows[i].Resource;
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
        command.CommandText = "SELECT node, uid, version, resource FROM object_sync";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            _versions[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), reader.GetString(3));
        }
    }

    private bool HasColumn(string table, string column)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM pragma_table_info($t) WHERE name = $c";
        command.Parameters.AddWithValue("$t", table);
        command.Parameters.AddWithValue("$c", column);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
