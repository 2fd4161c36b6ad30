using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Watch;
using Microsoft.Data.Sqlite;

namespace Actors.Cloud.ApiServer.Storage;

/// <summary>
/// SQLite (WAL) object store. One writer connection guarded by a lock serializes every write, assigns the
/// next revision and persists the change event; readers use their own pooled connections.
/// The last <c>windowSize</c> events are retained (in memory and in the events table) for watches.
/// </summary>
public sealed partial class SqliteObjectStore : IObjectStore
{
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly Lock _writeLock = new();
    private readonly WatchHub _hub;
    private long _revision;
    private bool _disposed;

    public SqliteObjectStore(string databasePath, int windowSize, int maxQueuedPerWatcher)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        Exec(_writer, """
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=NORMAL;
            PRAGMA busy_timeout=10000;
            CREATE TABLE IF NOT EXISTS objects(kind TEXT NOT NULL, ns TEXT NOT NULL, name TEXT NOT NULL,
                rv INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY(kind, ns, name)) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS objects_ns ON objects(ns);
            CREATE TABLE IF NOT EXISTS events(rv INTEGER PRIMARY KEY, type TEXT NOT NULL, kind TEXT NOT NULL,
                ns TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """);
        _revision = ReadMeta(_writer, "revision");
        var compacted = ReadMeta(_writer, "compacted");
        var events = LoadEvents(compacted);
        if (events.Count > windowSize)
        {
            compacted = events[events.Count - windowSize - 1].Revision;
            events = events.GetRange(events.Count - windowSize, windowSize);
        }

        _hub = new WatchHub(windowSize, maxQueuedPerWatcher, compacted);
        _hub.Publish(events);
    }

    public long Revision => Interlocked.Read(ref _revision);

    public long CompactedRevision
    {
        get
        {
            lock (_writeLock)
            {
                return _hub.CompactedRevision;
            }
        }
    }

    public int WatcherCount => _hub.WatcherCount;

    public JsonObject? Get(ObjectKey key)
    {
        using var conn = OpenReader();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT data FROM objects WHERE kind=$k AND ns=$n AND name=$m";
        cmd.Parameters.AddWithValue("$k", key.KindKey);
        cmd.Parameters.AddWithValue("$n", key.Namespace);
        cmd.Parameters.AddWithValue("$m", key.Name);
        return cmd.ExecuteScalar() is string s ? (JsonObject)JsonNode.Parse(s)! : null;
    }

    public ListPage List(string kindKey, string? ns, string? after, int limit, Func<JsonObject, bool>? filter)
    {
        using var conn = OpenReader();
        using var tx = conn.BeginTransaction(deferred: true);
        var revision = ReadMeta(conn, "revision", tx);
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = BuildListSql(ns, after);
        cmd.Parameters.AddWithValue("$k", kindKey);
        if (ns is not null)
        {
            cmd.Parameters.AddWithValue("$n", ns);
        }

        if (after is not null)
        {
            var slash = after.IndexOf('/', StringComparison.Ordinal);
            cmd.Parameters.AddWithValue("$an", slash < 0 ? string.Empty : after[..slash]);
            cmd.Parameters.AddWithValue("$am", slash < 0 ? after : after[(slash + 1)..]);
        }

        return ReadPage(cmd, limit, filter, revision);
    }

    private static ListPage ReadPage(SqliteCommand cmd, int limit, Func<JsonObject, bool>? filter, long revision)
    {
        var items = new List<string>();
        var more = false;
        string? lastKey = null;
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var text = reader.GetString(0);
            if (filter is not null && !filter((JsonObject)JsonNode.Parse(text)!))
            {
                continue;
            }

            if (limit > 0 && items.Count == limit)
            {
                more = true;
                break;
            }

            items.Add(text);
            lastKey = reader.GetString(1) + "/" + reader.GetString(2);
        }

        return new ListPage(items, revision, more, lastKey);
    }

    public T Write<T>(Func<IStoreTransaction, T> work)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var sqlTx = _writer.BeginTransaction();
            var tx = new Transaction(this, sqlTx, _revision);
            var result = work(tx);
            if (tx.Events.Count == 0)
            {
                sqlTx.Rollback();
                return result;
            }

            var compactBefore = _hub.CompactedRevision;
            WriteMeta("revision", tx.Revision, sqlTx);
            sqlTx.Commit();
            Interlocked.Exchange(ref _revision, tx.Revision);
            _hub.Publish(tx.Events);
            if (_hub.CompactedRevision != compactBefore)
            {
                Compact(_hub.CompactedRevision);
            }

            return result;
        }
    }

    public WatchSubscription Watch(string kindKey, string? ns, long? fromRevision)
    {
        lock (_writeLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            IEnumerable<StoredEvent> initial;
            if (fromRevision is { } from)
            {
                initial = _hub.Backlog(kindKey, ns, from);
            }
            else
            {
                var tx = new Transaction(this, null, _revision);
                initial = tx.List(kindKey, ns).Select(o => new StoredEvent(
                    StoredEvent.Added, Meta.ResourceVersion(o), new ObjectKey(kindKey, Meta.Namespace(o), Meta.Name(o)), o)).ToList();
            }

            return _hub.Register(kindKey, ns, initial);
        }
    }

    /// <summary>
    /// A revision a bookmark may carry for <paramref name="sub"/>: the current revision when the watcher has drained its
    /// queue (so it has been handed every event up to it), otherwise null.
    /// </summary>
    public long? ProgressRevision(WatchSubscription sub)
    {
        lock (_writeLock)
        {
            return sub.Events.Count == 0 ? _revision : null;
        }
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _hub.CompleteAll();
            _writer.Dispose();
            SqliteConnection.ClearPool(new SqliteConnection(_connectionString));
        }
    }

    private static string BuildListSql(string? ns, string? after)
    {
        var sql = "SELECT data, ns, name FROM objects WHERE kind=$k";
        if (ns is not null)
        {
            sql += " AND ns=$n";
        }

        if (after is not null)
        {
            sql += " AND (ns > $an OR (ns = $an AND name > $am))";
        }

        return sql + " ORDER BY ns, name";
    }

    private SqliteConnection OpenReader()
    {
        var conn = new SqliteConnection(_connectionString);
        conn.Open();
        return conn;
    }

    private void Compact(long compacted)
    {
        using var tx = _writer.BeginTransaction();
        using var cmd = _writer.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "DELETE FROM events WHERE rv <= $r";
        cmd.Parameters.AddWithValue("$r", compacted);
        cmd.ExecuteNonQuery();
        WriteMeta("compacted", compacted, tx);
        tx.Commit();
    }

    private List<StoredEvent> LoadEvents(long after)
    {
        using var cmd = _writer.CreateCommand();
        cmd.CommandText = "SELECT rv, type, kind, ns, name, data FROM events WHERE rv > $r ORDER BY rv";
        cmd.Parameters.AddWithValue("$r", after);
        using var reader = cmd.ExecuteReader();
        var list = new List<StoredEvent>();
        while (reader.Read())
        {
            var obj = (JsonObject)JsonNode.Parse(reader.GetString(5))!;
            list.Add(new StoredEvent(reader.GetString(1), reader.GetInt64(0),
                new ObjectKey(reader.GetString(2), reader.GetString(3), reader.GetString(4)), obj));
        }

        return list;
    }

    private static long ReadMeta(SqliteConnection conn, string key, SqliteTransaction? tx = null)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT value FROM meta WHERE key=$k";
        cmd.Parameters.AddWithValue("$k", key);
        return cmd.ExecuteScalar() is long v ? v : 0;
    }

    private void WriteMeta(string key, long value, SqliteTransaction tx)
    {
        using var cmd = _writer.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO meta(key, value) VALUES($k, $v) ON CONFLICT(key) DO UPDATE SET value=$v";
        cmd.Parameters.AddWithValue("$k", key);
        cmd.Parameters.AddWithValue("$v", value);
        cmd.ExecuteNonQuery();
    }

    private static void Exec(SqliteConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string RevisionText(long rv) => rv.ToString(CultureInfo.InvariantCulture);
}
