using Microsoft.Data.Sqlite;

namespace Actors.Edge.Modules.EdgeHub.Outbox;

/// <summary>
/// <see cref="IOutboxStore"/> in its own SQLite file (WAL journal, <c>synchronous=NORMAL</c>: an appended message
/// survives a crash of edgecore; on power loss the last transactions may be lost). Table <c>edgehub_outbox</c>;
/// <c>seq</c> is AUTOINCREMENT so it never goes backwards, even after the newest row was removed. One open
/// connection, used by one actor.
/// </summary>
public sealed class SqliteOutboxStore : IOutboxStore
{
    private const string Schema =
        "CREATE TABLE IF NOT EXISTS edgehub_outbox (" +
        "seq INTEGER PRIMARY KEY AUTOINCREMENT, msg_id TEXT NOT NULL, created_ms INTEGER NOT NULL, frame BLOB NOT NULL)";

    private readonly SqliteConnection _connection;
    private readonly int _maxMessages;
    private SqliteTransaction? _transaction;

    /// <summary>Opens (creating the file, directory and table if needed) the outbox at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOperationException">The file cannot be opened or is not an outbox database.</exception>
    public SqliteOutboxStore(string path, int maxMessages)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        _maxMessages = maxMessages;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            _connection.Open();
            Execute("PRAGMA journal_mode = WAL");
            Execute("PRAGMA synchronous = NORMAL");
            Execute("PRAGMA busy_timeout = 5000");
            Execute(Schema);
        }
        catch (SqliteException e)
        {
            _connection.Dispose();
            throw new InvalidOperationException($"cannot open the EdgeHub outbox {path}: {e.Message}", e);
        }
    }

    public int Count => Convert.ToInt32(Scalar("SELECT COUNT(*) FROM edgehub_outbox", null), System.Globalization.CultureInfo.InvariantCulture);

    public int Append(string msgId, byte[] frame, long createdMs)
    {
        using var tx = _connection.BeginTransaction();
        _transaction = tx;
        try
        {
            return AppendIn(tx, msgId, frame, createdMs);
        }
        finally
        {
            _transaction = null;
        }
    }

    private int AppendIn(SqliteTransaction tx, string msgId, byte[] frame, long createdMs)
    {
        var dropped = 0;
        var excess = Count - _maxMessages + 1;
        if (excess > 0)
        {
            dropped = Execute(
                "DELETE FROM edgehub_outbox WHERE seq IN (SELECT seq FROM edgehub_outbox ORDER BY seq LIMIT $n)",
                c => c.Parameters.AddWithValue("$n", excess));
        }

        Execute(
            "INSERT INTO edgehub_outbox (msg_id, created_ms, frame) VALUES ($id, $at, $frame)",
            c =>
            {
                c.Parameters.AddWithValue("$id", msgId);
                c.Parameters.AddWithValue("$at", createdMs);
                c.Parameters.AddWithValue("$frame", frame);
            });
        tx.Commit();
        return dropped;
    }

    public IReadOnlyList<OutboxEntry> ReadAfter(long afterSeq, int limit)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT seq, msg_id, frame FROM edgehub_outbox WHERE seq > $after ORDER BY seq LIMIT $limit";
        command.Parameters.AddWithValue("$after", afterSeq);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var entries = new List<OutboxEntry>();
        while (reader.Read())
        {
            entries.Add(new OutboxEntry(reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2)));
        }

        return entries;
    }

    public bool Remove(long seq) => Execute("DELETE FROM edgehub_outbox WHERE seq = $seq", c => c.Parameters.AddWithValue("$seq", seq)) > 0;

    public void Dispose() => _connection.Dispose();

    private int Execute(string sql, Action<SqliteCommand>? bind = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        bind?.Invoke(command);
        return command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, Action<SqliteCommand>? bind)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        bind?.Invoke(command);
        return command.ExecuteScalar();
    }
}
