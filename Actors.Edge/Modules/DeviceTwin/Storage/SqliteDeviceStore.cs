using Actors.Edge.Modules.DeviceTwin.Storage.Models;
using Microsoft.Data.Sqlite;

namespace Actors.Edge.Modules.DeviceTwin.Storage;

/// <summary>
/// <see cref="IDeviceStore"/> on SQLite (WAL journal, one open connection owned by the DeviceTwin actor). Multi-row
/// operations run in one transaction and roll back as a whole when any statement fails.
/// </summary>
public sealed partial class SqliteDeviceStore : IDeviceStore
{
    private static readonly string[] ChildTables = ["device_attr", "device_twin"];

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    /// <summary>Opens (creating if needed) the database at <paramref name="connectionString"/> and migrates it.</summary>
    public SqliteDeviceStore(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        try
        {
            _connection.Open();
            NonQuery("PRAGMA journal_mode = WAL");
            NonQuery("PRAGMA synchronous = NORMAL");
            NonQuery("PRAGMA busy_timeout = 5000");
            SqliteDeviceSchema.Migrate(_connection);
        }
        catch (SqliteException e)
        {
            _connection.Dispose();
            throw new DeviceStoreException($"cannot open device database: {e.Message}", e);
        }
    }

    public void SaveDevice(DeviceRow device) => SqliteRows.Guard(() => Run(SqliteRows.UpsertDevice, c => SqliteRows.Bind(c, Normalized(device))));

    public bool DeleteDevice(string deviceId)
    {
        var id = DeviceIds.Normalize(deviceId);
        return SqliteRows.Guard(() => Run("DELETE FROM device WHERE id = $id", c => SqliteRows.Add(c, "$id", id))) > 0;
    }

    public bool UpdateDeviceField(string deviceId, string column, object? value) =>
        UpdateDeviceFields(deviceId, new Dictionary<string, object?> { [column] = value });

    public bool UpdateDeviceFields(string deviceId, IReadOnlyDictionary<string, object?> columns)
    {
        var id = FieldUpdateValidator.Device(deviceId, columns);
        return SqliteRows.Guard(() => Update("device", "id = $key", c => SqliteRows.Add(c, "$key", id), columns)) > 0;
    }

    public DeviceRow? GetDevice(string deviceId)
    {
        var id = DeviceIds.Normalize(deviceId);
        return SqliteRows.Guard(() => Query($"SELECT {SqliteRows.DeviceColumns} FROM device WHERE id = $id", c => SqliteRows.Add(c, "$id", id), SqliteRows.ReadDevice))
            .SingleOrDefault();
    }

    public IReadOnlyList<DeviceRow> GetAllDevices() =>
        SqliteRows.Guard(() => Query($"SELECT {SqliteRows.DeviceColumns} FROM device ORDER BY id", _ => { }, SqliteRows.ReadDevice));

    public void UpdateDevices(IReadOnlyList<DeviceUpdate> updates)
    {
        FieldUpdateValidator.Devices(updates);
        InTransaction(() =>
        {
            foreach (var update in updates)
            {
                if (!UpdateDeviceFields(update.DeviceId, update.Columns))
                {
                    throw new DeviceStoreException($"device '{update.DeviceId}' does not exist");
                }
            }
        });
    }

    public void AddDevice(DeviceRow device, IReadOnlyList<DeviceAttrRow> attributes, IReadOnlyList<DeviceTwinRow> twins)
    {
        var row = Normalized(device);
        InTransaction(() =>
        {
            if (GetDevice(row.Id) is not null)
            {
                throw new DeviceStoreException($"device '{row.Id}' already exists");
            }

            SaveDevice(row);
            foreach (var attribute in attributes)
            {
                SaveAttribute(attribute with { DeviceId = row.Id });
            }

            foreach (var twin in twins)
            {
                SaveTwin(twin with { DeviceId = row.Id });
            }
        });
    }

    public bool RemoveDevice(string deviceId)
    {
        var id = DeviceIds.Normalize(deviceId);
        var removed = 0;
        InTransaction(() =>
        {
            foreach (var table in ChildTables)
            {
                removed += Run($"DELETE FROM {table} WHERE deviceid = $id", c => SqliteRows.Add(c, "$id", id));
            }

            removed += Run("DELETE FROM device WHERE id = $id", c => SqliteRows.Add(c, "$id", id));
        });
        return removed > 0;
    }

    public DeviceAttrRow SaveAttribute(DeviceAttrRow attribute)
    {
        var row = attribute with { DeviceId = DeviceIds.Normalize(attribute.DeviceId) };
        return row with { Id = Insert(SqliteRows.InsertAttr, c => SqliteRows.Bind(c, row), $"attribute '{row.Name}' of device '{row.DeviceId}'") };
    }

    public bool UpdateAttributeFields(string deviceId, string name, IReadOnlyDictionary<string, object?> columns)
    {
        var id = FieldUpdateValidator.Attribute(deviceId, name, columns);
        return SqliteRows.Guard(() => Update("device_attr", "deviceid = $key AND name = $keyname", KeyBinder(id, name), columns)) > 0;
    }

    public bool DeleteAttribute(string deviceId, string name) =>
        SqliteRows.Guard(() => Run("DELETE FROM device_attr WHERE deviceid = $key AND name = $keyname", KeyBinder(deviceId, name))) > 0;

    public IReadOnlyList<DeviceAttrRow> GetAttributes(string deviceId)
    {
        var id = DeviceIds.Normalize(deviceId);
        return SqliteRows.Guard(() => Query(
            $"SELECT {SqliteRows.AttrColumns} FROM device_attr WHERE deviceid = $id ORDER BY name",
            c => SqliteRows.Add(c, "$id", id),
            SqliteRows.ReadAttr));
    }

    public DeviceTwinRow SaveTwin(DeviceTwinRow twin)
    {
        var row = twin with { DeviceId = DeviceIds.Normalize(twin.DeviceId) };
        return row with { Id = Insert(SqliteRows.InsertTwin, c => SqliteRows.Bind(c, row), $"twin '{row.Name}' of device '{row.DeviceId}'") };
    }

    public bool UpdateTwinFields(string deviceId, string name, IReadOnlyDictionary<string, object?> columns)
    {
        var id = FieldUpdateValidator.Twin(deviceId, name, columns);
        return SqliteRows.Guard(() => Update("device_twin", "deviceid = $key AND name = $keyname", KeyBinder(id, name), columns)) > 0;
    }

    public bool DeleteTwin(string deviceId, string name) =>
        SqliteRows.Guard(() => Run("DELETE FROM device_twin WHERE deviceid = $key AND name = $keyname", KeyBinder(deviceId, name))) > 0;

    public IReadOnlyList<DeviceTwinRow> GetTwins(string deviceId)
    {
        var id = DeviceIds.Normalize(deviceId);
        return SqliteRows.Guard(() => Query(
            $"SELECT {SqliteRows.TwinColumns} FROM device_twin WHERE deviceid = $id ORDER BY name",
            c => SqliteRows.Add(c, "$id", id),
            SqliteRows.ReadTwin));
    }

    public void ApplyTwinChanges(string deviceId, TwinChanges changes)
    {
        var id = DeviceIds.Normalize(deviceId);
        InTransaction(() =>
        {
            foreach (var twin in changes.Added)
            {
                SaveTwin(twin with { DeviceId = id });
            }

            foreach (var twin in changes.Updated)
            {
                if (!UpdateTwinFields(id, twin.Name, StoreColumns.Of(twin)))
                {
                    throw new DeviceStoreException($"twin '{twin.Name}' of device '{id}' does not exist");
                }
            }

            foreach (var name in changes.Deleted)
            {
                DeleteTwin(id, name);
            }
        });
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        _transaction?.Dispose();
        _connection.Dispose();
    }

    private static DeviceRow Normalized(DeviceRow device) => device with { Id = DeviceIds.Normalize(device.Id) };

    private static Action<SqliteCommand> KeyBinder(string deviceId, string name)
    {
        var id = DeviceIds.Normalize(deviceId);
        return c =>
        {
            SqliteRows.Add(c, "$key", id);
            SqliteRows.Add(c, "$keyname", name);
        };
    }

    public void InTransaction(Action body)
    {
        if (_transaction is not null)
        {
            body();
            return;
        }

        _transaction = _connection.BeginTransaction();
        try
        {
            SqliteRows.Guard(body);
            _transaction.Commit();
        }
        catch
        {
            _transaction.Rollback();
            throw;
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
        }
    }

    private int Update(string table, string where, Action<SqliteCommand> bindKey, IReadOnlyDictionary<string, object?> columns)
    {
        var names = columns.Keys.ToList();
        var sets = string.Join(", ", names.Select((n, i) => $"{n} = $v{i}"));
        return Run($"UPDATE {table} SET {sets} WHERE {where}", c =>
        {
            bindKey(c);
            for (var i = 0; i < names.Count; i++)
            {
                SqliteRows.Add(c, "$v" + i, columns[names[i]]);
            }
        });
    }

    private int Run(string sql, Action<SqliteCommand> bind)
    {
        var command = Command(sql, bind);
        return command.ExecuteNonQuery();
    }

    private void NonQuery(string sql) => Run(sql, _ => { });

    /// <summary>Inserts a row and returns its id; a unique-index violation names the duplicate.</summary>
    private long Insert(string sql, Action<SqliteCommand> bind, string what)
    {
        try
        {
            var command = Command(sql, bind);
            return (long)command.ExecuteScalar()!;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new DeviceStoreException($"{what} already exists ({e.Message})", e);
        }
        catch (SqliteException e)
        {
            throw new DeviceStoreException($"device database error: {e.Message}", e);
        }
    }

    private List<T> Query<T>(string sql, Action<SqliteCommand> bind, Func<SqliteDataReader, T> read)
    {
        var command = Command(sql, bind);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>
    /// A command for <paramref name="sql"/>, re-used across calls so SQLite prepares each statement once per connection
    /// (the store is owned by one actor, so commands are never used concurrently).
    /// </summary>
    private SqliteCommand Command(string sql, Action<SqliteCommand> bind)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        command.Transaction = _transaction;
        bind(command);
        return command;
    }
}
