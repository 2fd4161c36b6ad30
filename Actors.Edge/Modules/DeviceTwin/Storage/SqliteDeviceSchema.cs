using Microsoft.Data.Sqlite;

namespace Actors.Edge.Modules.DeviceTwin.Storage;

/// <summary>
/// Versioned schema of DeviceTwin's tables. The device tables live in edgecore.db next to MetaManager's, so the version
/// is NOT kept in <c>PRAGMA user_version</c> (one integer per file, which MetaManager may own) but in the shared table
/// <c>schema_versions(component TEXT PRIMARY KEY, version INT)</c> under the component <c>devicetwin</c>; each component
/// reads and writes only its own row. Version 1 creates <c>device</c>, <c>device_attr</c> and <c>device_twin</c> with
/// KubeEdge's columns (kubeedge.md §4.1) plus unique indexes on (deviceid, name), which KubeEdge's code relies on without
/// declaring. Version 2 adds <c>device_cloud_outbox</c>, the durable queue of messages for the cloud that are not yet
/// confirmed. <c>IF NOT EXISTS</c> keeps an existing KubeEdge edgecore.db usable.
/// </summary>
internal static class SqliteDeviceSchema
{
    /// <summary>This component's row in <c>schema_versions</c>.</summary>
    public const string Component = "devicetwin";

    /// <summary>The version this code writes.</summary>
    public const long CurrentVersion = 2;

    private const string VersionsTable =
        "CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INT NOT NULL)";

    private static readonly string[][] Steps =
    [
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
        ],
        [
            """
            CREATE TABLE IF NOT EXISTS device_cloud_outbox (
              seq INTEGER PRIMARY KEY AUTOINCREMENT, msg_id TEXT NOT NULL UNIQUE, envelope TEXT NOT NULL)
            """,
        ],
    ];

    /// <summary>Brings the database to <see cref="CurrentVersion"/>; refuses a newer one.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, VersionsTable);
        var version = ReadVersion(connection, transaction);
        if (version > CurrentVersion)
        {
            throw new DeviceStoreException(
                $"device database schema version {version} is newer than this build supports ({CurrentVersion})");
        }

        for (var step = version; step < CurrentVersion; step++)
        {
            foreach (var sql in Steps[step])
            {
                Execute(connection, transaction, sql);
            }
        }

        if (version < CurrentVersion)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT OR REPLACE INTO schema_versions (component, version) VALUES ($c, $v)";
            command.Parameters.AddWithValue("$c", Component);
            command.Parameters.AddWithValue("$v", CurrentVersion);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static long ReadVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM schema_versions WHERE component = $c";
        command.Parameters.AddWithValue("$c", Component);
        return command.ExecuteScalar() is long version ? version : 0;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
