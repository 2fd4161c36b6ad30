using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EventBus.Module;

/// <summary>
/// The topics subscribed on behalf of the cloud. With a database file they live in KubeEdge's <c>sub_topics</c> table
/// (<c>topic TEXT PRIMARY KEY</c>, in edgecore.db), read at the first <see cref="Snapshot"/> and written through on every
/// change, so they survive a restart of the process; without one, only restarts of the module's actor. A failed write
/// is logged and the topic is kept in memory. Thread-safe.
/// </summary>
internal sealed class SubscribedTopics(string? database = null)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private bool _loaded;

    public bool Add(string topic, ILogger log)
    {
        lock (_gate)
        {
            Load(log);
            Write(log, "INSERT OR IGNORE INTO sub_topics (topic) VALUES ($t)", topic);
            return _topics.Add(topic);
        }
    }

    public bool Remove(string topic, ILogger log)
    {
        lock (_gate)
        {
            Load(log);
            Write(log, "DELETE FROM sub_topics WHERE topic = $t", topic);
            return _topics.Remove(topic);
        }
    }

    public IReadOnlyList<string> Snapshot(ILogger log)
    {
        lock (_gate)
        {
            Load(log);
            return [.. _topics];
        }
    }

    private void Load(ILogger log)
    {
        if (_loaded || database is null)
        {
            return;
        }

        try
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT topic FROM sub_topics";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _topics.Add(reader.GetString(0));
            }

            _loaded = true;
        }
        catch (SqliteException e)
        {
            log.LogWarning("eventbus: could not read sub_topics from {Database}: {Error}", database, e.Message);
        }
    }

    private void Write(ILogger log, string sql, string topic)
    {
        if (database is null)
        {
            return;
        }

        try
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$t", topic);
            command.ExecuteNonQuery();
        }
        catch (SqliteException e)
        {
            log.LogWarning("eventbus: could not store the subscription change of '{Topic}' in {Database}: {Error}", topic, database, e.Message);
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, DefaultTimeout = 5 }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout = 5000; CREATE TABLE IF NOT EXISTS sub_topics (topic TEXT NOT NULL PRIMARY KEY)";
        command.ExecuteNonQuery();
        return connection;
    }
}
