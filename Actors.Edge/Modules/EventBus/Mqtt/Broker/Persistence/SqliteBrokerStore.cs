using System.Text.Json;
using System.Threading.Channels;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EventBus.Mqtt.Broker.Persistence;

/// <summary>
/// <see cref="IBrokerStore"/> on a SQLite file (WAL, synchronous=FULL: a commit survives power loss): one writer task
/// drains every queued write into one transaction (group commit), then completes their tasks. Rows that cannot be
/// read back at load are logged and skipped.
/// </summary>
internal sealed class SqliteBrokerStore : IBrokerStore
{
    private const int MaxBatch = 2048;
    private readonly SqliteConnection _connection;
    private readonly Channel<(BrokerWrite Write, TaskCompletionSource Done)> _queue = Channel.CreateUnbounded<(BrokerWrite, TaskCompletionSource)>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _logger;
    private readonly Task _writer;
    private long _lastId;

    public SqliteBrokerStore(string path, ILogger logger)
    {
        _logger = logger;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;"
            + "CREATE TABLE IF NOT EXISTS mqtt_sessions (client_id TEXT PRIMARY KEY, subscriptions TEXT NOT NULL);"
            + "CREATE TABLE IF NOT EXISTS mqtt_messages (id INTEGER PRIMARY KEY, client_id TEXT NOT NULL, topic TEXT NOT NULL, payload BLOB NOT NULL, qos INTEGER NOT NULL, retain INTEGER NOT NULL);"
            + "CREATE INDEX IF NOT EXISTS mqtt_messages_client ON mqtt_messages (client_id, id);"
            + "CREATE TABLE IF NOT EXISTS mqtt_retained (topic TEXT PRIMARY KEY, payload BLOB NOT NULL, qos INTEGER NOT NULL);");
        _lastId = Convert.ToInt64(Scalar("SELECT COALESCE(MAX(id), 0) FROM mqtt_messages"), System.Globalization.CultureInfo.InvariantCulture);
        _writer = Task.Run(WriteLoopAsync);
    }

    public long NextMessageId() => Interlocked.Increment(ref _lastId);

    public Task Write(BrokerWrite write)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite((write, done)) ? done.Task : Task.FromException(new ObjectDisposedException(nameof(SqliteBrokerStore)));
    }

    public BrokerState Load()
    {
        var subscriptions = new Dictionary<string, IReadOnlyDictionary<string, MqttQos>>(StringComparer.Ordinal);
        foreach (var (clientId, json) in Rows("SELECT client_id, subscriptions FROM mqtt_sessions", r => (r.GetString(0), r.GetString(1))))
        {
            try
            {
                subscriptions[clientId] = JsonSerializer.Deserialize<Dictionary<string, int>>(json)!
                    .ToDictionary(p => p.Key, p => (MqttQos)Math.Clamp(p.Value, 0, 2), StringComparer.Ordinal);
            }
            catch (JsonException e)
            {
                _logger.LogWarning("mqtt broker store: session '{ClientId}' has unreadable subscriptions, skipped: {Error}", clientId, e.Message);
            }
        }

        var messages = Rows("SELECT id, client_id, topic, payload, qos, retain FROM mqtt_messages ORDER BY id",
            r => (Id: r.GetInt64(0), ClientId: r.GetString(1), Packet: new PublishPacket(r.GetString(2), (byte[])r.GetValue(3), (MqttQos)Math.Clamp(r.GetInt32(4), 1, 2), r.GetInt32(5) != 0)));
        var sessions = subscriptions.Select(s => new StoredSession(s.Key, s.Value,
            [.. messages.Where(m => m.ClientId == s.Key).Select(m => (m.Id, m.Packet))])).ToList();
        var retained = Rows("SELECT topic, payload, qos FROM mqtt_retained", r => new PublishPacket(r.GetString(0), (byte[])r.GetValue(1), (MqttQos)Math.Clamp(r.GetInt32(2), 0, 2), true));
        return new BrokerState(sessions, retained, Interlocked.Read(ref _lastId));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        _connection.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<(BrokerWrite Write, TaskCompletionSource Done)>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            try
            {
                using (var transaction = _connection.BeginTransaction())
                {
                    foreach (var (write, _) in batch)
                    {
                        Apply(transaction, write);
                    }

                    transaction.Commit();
                }

                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (SqliteException e)
            {
                _logger.LogError("mqtt broker store: a commit of {Count} writes failed: {Error}", batch.Count, e.Message);
                batch.ForEach(b => b.Done.TrySetException(e));
            }

            batch.Clear();
        }
    }

    private void Apply(SqliteTransaction transaction, BrokerWrite write)
    {
        switch (write)
        {
            case StoreMessage m:
                Execute("INSERT OR REPLACE INTO mqtt_messages (id, client_id, topic, payload, qos, retain) VALUES ($id, $c, $t, $p, $q, $r)", transaction,
                    ("$id", m.Id), ("$c", m.ClientId), ("$t", m.Packet.Topic), ("$p", m.Packet.Payload.ToArray()), ("$q", (int)m.Packet.Qos), ("$r", m.Packet.Retain ? 1 : 0));
                break;
            case DeleteMessage d:
                Execute("DELETE FROM mqtt_messages WHERE id = $id", transaction, ("$id", d.Id));
                break;
            case StoreSession s:
                Execute("INSERT OR REPLACE INTO mqtt_sessions (client_id, subscriptions) VALUES ($c, $s)", transaction,
                    ("$c", s.ClientId), ("$s", JsonSerializer.Serialize(s.Subscriptions.ToDictionary(p => p.Key, p => (int)p.Value))));
                break;
            case DeleteSession s:
                Execute("DELETE FROM mqtt_sessions WHERE client_id = $c", transaction, ("$c", s.ClientId));
                Execute("DELETE FROM mqtt_messages WHERE client_id = $c", transaction, ("$c", s.ClientId));
                break;
            case StoreRetained { Packet: null } r:
                Execute("DELETE FROM mqtt_retained WHERE topic = $t", transaction, ("$t", r.Topic));
                break;
            case StoreRetained r:
                Execute("INSERT OR REPLACE INTO mqtt_retained (topic, payload, qos) VALUES ($t, $p, $q)", transaction,
                    ("$t", r.Topic), ("$p", r.Packet!.Payload.ToArray()), ("$q", (int)r.Packet.Qos));
                break;
        }
    }

    private void Execute(string sql, SqliteTransaction? transaction = null, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private List<T> Rows<T>(string sql, Func<SqliteDataReader, T> map)
    {
        var rows = new List<T>();
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            try
            {
                rows.Add(map(reader));
            }
            catch (Exception e) when (e is InvalidCastException or FormatException or InvalidOperationException)
            {
                _logger.LogWarning("mqtt broker store: unreadable row skipped: {Error}", e.Message);
            }
        }

        return rows;
    }
}
