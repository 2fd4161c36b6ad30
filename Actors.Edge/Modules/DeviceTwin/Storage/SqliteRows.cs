using Actors.Edge.Modules.DeviceTwin.Storage.Models;
using Microsoft.Data.Sqlite;

namespace Actors.Edge.Modules.DeviceTwin.Storage;

/// <summary>SQL text, parameter binding and row reading for <see cref="SqliteDeviceStore"/>.</summary>
internal static class SqliteRows
{
    public const string DeviceColumns = "id, name, description, state, last_online";
    public const string AttrColumns = "id, deviceid, name, description, value, optional, attr_type, metadata";
    public const string TwinColumns =
        "id, deviceid, name, description, expected, actual, expected_meta, actual_meta, expected_version, " +
        "actual_version, optional, attr_type, metadata";

    public const string UpsertDevice =
        "INSERT OR REPLACE INTO device (id, name, description, state, last_online) VALUES ($id, $name, $description, $state, $last_online)";

    public const string InsertAttr =
        "INSERT INTO device_attr (deviceid, name, description, value, optional, attr_type, metadata) " +
        "VALUES ($deviceid, $name, $description, $value, $optional, $attr_type, $metadata) RETURNING id";

    public const string InsertTwin =
        "INSERT INTO device_twin (deviceid, name, description, expected, actual, expected_meta, actual_meta, " +
        "expected_version, actual_version, optional, attr_type, metadata) VALUES ($deviceid, $name, $description, " +
        "$expected, $actual, $expected_meta, $actual_meta, $expected_version, $actual_version, $optional, $attr_type, $metadata) RETURNING id";

    public static void Bind(SqliteCommand command, DeviceRow row)
    {
        Add(command, "$id", row.Id);
        Add(command, "$name", row.Name);
        Add(command, "$description", row.Description);
        Add(command, "$state", row.State);
        Add(command, "$last_online", row.LastOnline);
    }

    public static void Bind(SqliteCommand command, DeviceAttrRow row)
    {
        Add(command, "$deviceid", row.DeviceId);
        Add(command, "$name", row.Name);
        Add(command, "$description", row.Description);
        Add(command, "$value", row.Value);
        Add(command, "$optional", row.Optional);
        Add(command, "$attr_type", row.AttrType);
        Add(command, "$metadata", row.Metadata);
    }

    public static void Bind(SqliteCommand command, DeviceTwinRow row)
    {
        Add(command, "$deviceid", row.DeviceId);
        Add(command, "$name", row.Name);
        Add(command, "$description", row.Description);
        Add(command, "$expected", row.Expected);
        Add(command, "$actual", row.Actual);
        Add(command, "$expected_meta", row.ExpectedMeta);
        Add(command, "$actual_meta", row.ActualMeta);
        Add(command, "$expected_version", row.ExpectedVersion);
        Add(command, "$actual_version", row.ActualVersion);
        Add(command, "$optional", row.Optional);
        Add(command, "$attr_type", row.AttrType);
        Add(command, "$metadata", row.Metadata);
    }

    public static void Add(SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, StoreColumns.Sql(value));

    public static DeviceRow ReadDevice(SqliteDataReader r) =>
        new(r.GetString(0), Text(r, 1) ?? string.Empty, Text(r, 2), Text(r, 3), Text(r, 4));

    public static DeviceAttrRow ReadAttr(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4), Flag(r, 5), Text(r, 6), Text(r, 7));

    public static DeviceTwinRow ReadTwin(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7),
        Text(r, 8), Text(r, 9), Flag(r, 10), Text(r, 11), Text(r, 12));

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static bool Flag(SqliteDataReader r, int i) => !r.IsDBNull(i) && r.GetInt64(i) != 0;

    /// <summary>Runs a database action, turning <see cref="SqliteException"/> into <see cref="DeviceStoreException"/>.</summary>
    public static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException e)
        {
            throw new DeviceStoreException($"device database error: {e.Message}", e);
        }
    }

    /// <summary>As <see cref="Guard{T}"/> for actions without a result.</summary>
    public static void Guard(Action action) => Guard(() =>
    {
        action();
        return 0;
    });
}
