using Microsoft.Data.Sqlite;

namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>
/// Versioned schema of <c>edgecore.db</c>, tracked in <c>PRAGMA user_version</c>. The tables match KubeEdge
/// v1.23+ (gorm AutoMigrate: all strings TEXT, columns <c>group_version_resource</c> and <c>resource_version</c>
/// in <c>meta_v2</c>); ≤ v1.22 databases (beego ORM, columns <c>groupversionresource</c>/<c>resourceversion</c>) are
/// not converted. Statements use <c>IF NOT EXISTS</c> so a database written by KubeEdge itself is adopted as is.
/// Each migration runs in its own transaction together with the version bump, so a crash leaves either the old
/// or the new version, and re-opening runs only what is missing.
/// </summary>
internal static class SqliteSchema
{
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

        // 2: DeviceTwin, EventBus and ServiceBus tables, as KubeEdge creates them in the same file.
        """
        CREATE TABLE IF NOT EXISTS device (id TEXT PRIMARY KEY, name TEXT, description TEXT, state TEXT, last_online TEXT);
        CREATE TABLE IF NOT EXISTS device_attr (id INTEGER PRIMARY KEY AUTOINCREMENT, deviceid TEXT, name TEXT,
            description TEXT, value TEXT, optional NUMERIC, attr_type TEXT, metadata TEXT);
        CREATE TABLE IF NOT EXISTS device_twin (id INTEGER PRIMARY KEY AUTOINCREMENT, deviceid TEXT, name TEXT,
            description TEXT, expected TEXT, actual TEXT, expected_meta TEXT, actual_meta TEXT,
            expected_version TEXT, actual_version TEXT, optional NUMERIC, attr_type TEXT, metadata TEXT);
        CREATE TABLE IF NOT EXISTS sub_topics (topic TEXT PRIMARY KEY);
        CREATE TABLE IF NOT EXISTS target_urls (url TEXT PRIMARY KEY);
        """,
    ];

    /// <summary>The version a fully migrated database has.</summary>
    public static int LatestVersion => Migrations.Count;

    /// <summary>Reads the current version and applies the missing migrations; returns how many ran.</summary>
    public static int Migrate(SqliteConnection connection)
    {
        var current = ReadVersion(connection);
        if (current > LatestVersion)
        {
            throw new InvalidOperationException(
                $"database schema version {current} is newer than this edgecore knows ({LatestVersion})");
        }

        for (var version = current + 1; version <= LatestVersion; version++)
        {
            using var tx = connection.BeginTransaction(deferred: false);
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = Migrations[version - 1] + $"\nPRAGMA user_version = {version};";
            cmd.ExecuteNonQuery();
            tx.Commit();
        }

        return LatestVersion - current;
    }

    /// <summary><c>PRAGMA user_version</c>.</summary>
    public static int ReadVersion(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
