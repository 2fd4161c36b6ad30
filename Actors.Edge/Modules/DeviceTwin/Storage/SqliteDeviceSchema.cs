using Microsoft.Data.Sqlite;

namespace Actors.Edge.Modules.DeviceTwin.Storage;

/// <summary>
/// Versioned schema of the device tables (PRAGMA <c>user_version</c>). Version 1 creates <c>device</c>,
/// <c>device_attr</c> and <c>device_twin</c> with KubeEdge's columns (kubeedge.md §4.1) plus unique indexes on
/// (deviceid, name), which KubeEdge's code relies on without declaring. <c>IF NOT EXISTS</c> keeps an existing
/// edgecore.db usable.
/// </summary>
internal static class SqliteDeviceSchema
{
    /// <summary>The version this code writes.</summary>
    public const long CurrentVersion = 1;

    private static readonly string[] Version1 =
    [
        """
        CREATE TABLE IF NOT EXISTS device (
          id TEXT PRIMARY KEY, name TEXT, description TEXT, state TEXT, last_online TEXT)
        """,
        """
        CREATE TABLE IF NOT EXISTS device_attr (
          id INTEGER PRIMARY KEY AUTOINCREMENT, deviceid TEXT, name TEXT, description TEXT, value TEXT,
          optional NUMERIC, attr_type TEXT, metadata TEXT)
        """,
        """
        CREATE TABLE IF NOT EXISTS device_twin (
          id INTEGER PRIMARY KEY AUTOINCREMENT, deviceid TEXT, name TEXT, description TEXT,
          expected TEXT, actual TEXT, expected_meta TEXT, actual_meta TEXT,
          expected_version TEXT, actual_version TEXT, optional NUMERIC, attr_type TEXT, metadata TEXT)
        """,
        "CREATE UNIQUE INDEX IF NOT EXISTS ux_device_attr_device_name ON device_attr (deviceid, name)",
        "CREATE UNIQUE INDEX IF NOT EXISTS ux_device_twin_device_name ON device_twin (deviceid, name)",
    ];

    /// <summary>Brings the database to <see cref="CurrentVersion"/>; refuses a newer one.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        var version = Scalar(connection, "PRAGMA user_version");
        if (version > CurrentVersion)
        {
            throw new DeviceStoreException(
                $"device database schema version {version} is newer than this build supports ({CurrentVersion})");
        }

        if (version >= CurrentVersion)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        foreach (var sql in Version1)
        {
            Execute(connection, transaction, sql);
        }

        Execute(connection, transaction, $"PRAGMA user_version = {CurrentVersion}");
        transaction.Commit();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
