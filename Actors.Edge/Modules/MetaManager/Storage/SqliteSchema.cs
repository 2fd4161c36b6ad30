using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>
/// Versioned schema of MetaManager's tables in <c>edgecore.db</c>. The version is kept in the shared table
/// <c>schema_versions(component TEXT PRIMARY KEY, version INTEGER)</c> under component <see cref="Component"/>, not in
/// <c>PRAGMA user_version</c>: several modules keep their tables in one file (as KubeEdge does), and one integer per
/// file cannot version two schemas. <c>PRAGMA user_version</c> is left to the DeviceTwin store.
/// The tables match KubeEdge v1.23+ (gorm AutoMigrate: all strings TEXT, <c>group_version_resource</c> and
/// <c>resource_version</c> in <c>meta_v2</c>); ≤ v1.22 databases (beego ORM column names) are not converted.
/// Statements use <c>IF NOT EXISTS</c> so a database written by KubeEdge itself is adopted as is. MetaManager creates
/// only its own tables; <c>device*</c>, <c>sub_topics</c> and <c>target_urls</c> belong to DeviceTwin, EventBus and
/// ServiceBus. Each migration runs in its own transaction together with the version bump.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>This store's row in <c>schema_versions</c>.</summary>
    public const string Component = "metamanager";

    /// <summary>Migration n (1-based) is <c>Migrations[n-1]</c>.</summary>
    public static readonly IReadOnlyList<string> Migrations =
    [
        // 1: MetaManager's tables.
        """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, type TEXT, value TEXT);
        CREATE TABLE IF NOT EXISTS meta_v2 (key TEXT PRIMARY KEY, group_version_resource TEXT, namespace TEXT,
            name TEXT, resource_version INTEGER, value TEXT);
        CREATE INDEX IF NOT EXISTS meta_type ON meta (type);
        CREATE INDEX IF NOT EXISTS meta_v2_gvr ON meta_v2 (group_version_resource, namespace);
        """,
    ];

    /// <summary>The version a fully migrated database has.</summary>
    public static int LatestVersion => Migrations.Count;

    /// <summary>Reads the current version and applies the missing migrations; returns how many ran.</summary>
    public static int Migrate(SqliteConnection connection)
    {
        Exec(connection, null, "CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)");
        AdoptLegacyUserVersion(connection);
        var current = ReadVersion(connection);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"metamanager schema version {current} is newer than this edgecore knows ({LatestVersion})");
        }

        for (var version = current + 1; version <= LatestVersion; version++)
        {
            using var tx = connection.BeginTransaction(deferred: false);
            Exec(connection, tx, Migrations[version - 1]);
            WriteVersion(connection, tx, version);
            tx.Commit();
        }

        return LatestVersion - current;
    }

    /// <summary>MetaManager's version from <c>schema_versions</c> (0 when absent).</summary>
    public static int ReadVersion(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT version FROM schema_versions WHERE component = $c";
        cmd.Parameters.AddWithValue("$c", Component);
        return cmd.ExecuteScalar() is { } v ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>
    /// Earlier builds of this store versioned the file with <c>PRAGMA user_version</c> (1: meta tables; 2: also the
    /// device/bus tables, without DeviceTwin's unique indexes). Such a file has <c>meta</c> but no MetaManager row: the
    /// version moves into <c>schema_versions</c> and <c>user_version</c> is reset to 0 so DeviceTwin's own migration
    /// runs (its statements are <c>IF NOT EXISTS</c> and add its indexes). A <c>user_version</c> of 1 next to device
    /// tables with DeviceTwin's index is DeviceTwin's and is left alone.
    /// </summary>
    private static void AdoptLegacyUserVersion(SqliteConnection connection)
    {
        if (ReadVersion(connection) > 0 || !TableExists(connection, "meta"))
        {
            return;
        }

        var userVersion = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        var deviceTwinOwns = userVersion == 1 && Convert.ToInt64(Scalar(connection,
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'ux_device_twin_device_name'"), CultureInfo.InvariantCulture) > 0;
        if (userVersion is not (1 or 2) || deviceTwinOwns)
        {
            return;
        }

        using var tx = connection.BeginTransaction(deferred: false);
        WriteVersion(connection, tx, 1);
        Exec(connection, tx, "PRAGMA user_version = 0");
        tx.Commit();
    }

    private static bool TableExists(SqliteConnection connection, string table)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $n";
        cmd.Parameters.AddWithValue("$n", table);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static void WriteVersion(SqliteConnection connection, SqliteTransaction tx, int version)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT OR REPLACE INTO schema_versions (component, version) VALUES ($c, $v)";
        cmd.Parameters.AddWithValue("$c", Component);
        cmd.Parameters.AddWithValue("$v", version);
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    private static void Exec(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
