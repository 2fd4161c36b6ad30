using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Edge.Modules.DeviceTwin.Storage.Models;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Modules.MetaManager.Storage.Models;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Edge.Tests.MetaManager.Storage;

/// <summary>MetaManager's and DeviceTwin's stores in one edgecore.db, as KubeEdge keeps them.</summary>
public sealed class SharedDatabaseTests : IDisposable
{
    private readonly TempDb _db = new();

    public void Dispose() => _db.Dispose();

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _db.Path, Pooling = false }.ToString();

    private SqliteMetaStore OpenMeta() => new(_db.Path, new MetaStoreOptions(), NullLogger.Instance, null, null);

    [Fact]
    public async Task OneFile_BothStoresInEitherOrder_KeepTheirDataAcrossReopen()
    {
        using (var devices = new SqliteDeviceStore(ConnectionString))
        {
            devices.SaveDevice(new DeviceRow("d1", "d1", null, "online", null));
        }

        await using (var meta = OpenMeta())
        {
            await meta.UpsertAsync(MetaRecord.For("default", "configmap", "c", "{\"data\":{}}"));
        }

        for (var round = 0; round < 2; round++)
        {
            await using var meta = OpenMeta();
            using var devices = new SqliteDeviceStore(ConnectionString);
            Assert.NotNull(await meta.GetAsync("default/configmap/c"));
            Assert.Equal("online", devices.GetDevice("d1")?.State);
        }
    }

    [Fact]
    public async Task LegacyFile_MetaManagerVersionInUserVersion_MovesToSchemaVersionsAndDeviceTwinMigrates()
    {
        using (var c = new SqliteConnection(ConnectionString))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // What the earlier MetaManager store left: its tables, device tables without DeviceTwin's indexes, user_version 2.
            cmd.CommandText = """
                CREATE TABLE meta (key TEXT PRIMARY KEY, type TEXT, value TEXT);
                CREATE TABLE meta_v2 (key TEXT PRIMARY KEY, group_version_resource TEXT, namespace TEXT, name TEXT, resource_version INTEGER, value TEXT);
                CREATE TABLE device (id TEXT PRIMARY KEY, name TEXT, description TEXT, state TEXT, last_online TEXT);
                INSERT INTO meta VALUES ('default/configmap/c', 'configmap', '{}');
                PRAGMA user_version = 2;
                """;
            cmd.ExecuteNonQuery();
        }

        await using (var meta = OpenMeta())
        {
            Assert.NotNull(await meta.GetAsync("default/configmap/c"));
        }

        using (var devices = new SqliteDeviceStore(ConnectionString))
        {
            devices.SaveDevice(new DeviceRow("d1", "d1", null, null, null));
        }

        using var check = new SqliteConnection(ConnectionString);
        check.Open();
        Assert.Equal(1L, Scalar(check, "SELECT version FROM schema_versions WHERE component = 'metamanager'"));
        Assert.Equal(0L, Scalar(check, "PRAGMA user_version"));
        Assert.True(Scalar(check, "SELECT version FROM schema_versions WHERE component = 'devicetwin'") >= 1);
        Assert.Equal(1L, Scalar(check, "SELECT count(*) FROM sqlite_master WHERE name = 'ux_device_twin_device_name'"));
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
