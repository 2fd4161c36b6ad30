using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Edge.Modules.DeviceTwin.Storage.Models;

namespace Actors.Edge.Tests.DeviceTwin;

/// <summary>SQLite-specific behaviour: schema, journal mode, migration, durability.</summary>
public sealed class SqliteDeviceStoreTests : IDisposable
{
    private readonly TempDeviceDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData("device", "id:TEXT:1,name:TEXT:0,description:TEXT:0,state:TEXT:0,last_online:TEXT:0")]
    [InlineData("device_attr", "id:INTEGER:1,deviceid:TEXT:0,name:TEXT:0,description:TEXT:0,value:TEXT:0,optional:NUMERIC:0,attr_type:TEXT:0,metadata:TEXT:0")]
    [InlineData(
        "device_twin",
        "id:INTEGER:1,deviceid:TEXT:0,name:TEXT:0,description:TEXT:0,expected:TEXT:0,actual:TEXT:0,expected_meta:TEXT:0," +
        "actual_meta:TEXT:0,expected_version:TEXT:0,actual_version:TEXT:0,optional:NUMERIC:0,attr_type:TEXT:0,metadata:TEXT:0")]
    public void Open_NewFile_CreatesTablesAsKubeEdgeSchema(string table, string expected)
    {
        using (new SqliteDeviceStore(_database.ConnectionString))
        {
        }

        var columns = _database.Rows($"PRAGMA table_info({table})").Select(r => $"{r[1]}:{r[2]}:{r[5]}");
        Assert.Equal(expected, string.Join(",", columns));
    }

    [TwinExamplesFact]
    public void Open_MatchesSchemaExampleFile()
    {
        var path = Path.Combine(TwinExamplesFactAttribute.ExamplesDirectory!, "14-sqlite-schema.sql");
        using var example = new TempDeviceDatabase();
        var ddl = string.Join("\n", File.ReadAllLines(path).Select(l => l.Split("--")[0]));
        example.Execute(ddl);
        using (new SqliteDeviceStore(_database.ConnectionString))
        {
        }

        foreach (var table in new[] { "device", "device_attr", "device_twin" })
        {
            var ours = _database.Rows($"PRAGMA table_info({table})").Select(r => $"{r[1]}:{r[2]}:{r[5]}");
            var theirs = example.Rows($"PRAGMA table_info({table})").Select(r => $"{r[1]}:{r[2]}:{r[5]}");
            Assert.Equal(theirs, ours);
        }
    }

    [Fact]
    public void Open_SetsWalAndOwnSchemaVersionRowOnly()
    {
        _database.Execute("PRAGMA user_version = 7");
        using var store = new SqliteDeviceStore(_database.ConnectionString);
        Assert.Equal("wal", _database.Rows("PRAGMA journal_mode")[0][0]);
        Assert.Equal(2L, _database.Rows("SELECT version FROM schema_versions WHERE component = 'devicetwin'")[0][0]);
        Assert.Equal(7L, _database.Rows("PRAGMA user_version")[0][0]);
    }

    [Fact]
    public void Open_OtherComponentsVersionRow_IsLeftAlone()
    {
        _database.Execute(
            "CREATE TABLE schema_versions (component TEXT PRIMARY KEY, version INT NOT NULL);" +
            "INSERT INTO schema_versions VALUES ('metamanager', 5);");
        using var store = new SqliteDeviceStore(_database.ConnectionString);
        Assert.Equal(5L, _database.Rows("SELECT version FROM schema_versions WHERE component = 'metamanager'")[0][0]);
        Assert.Equal(2L, _database.Rows("SELECT version FROM schema_versions WHERE component = 'devicetwin'")[0][0]);
    }

    [Fact]
    public void Outbox_SurvivesReopen_InOrderUntilDeleted()
    {
        using (var store = new SqliteDeviceStore(_database.ConnectionString))
        {
            store.AddOutbox(new CloudOutboxRow(0, "m1", "{\"a\":1}"));
            store.AddOutbox(new CloudOutboxRow(0, "m2", "{\"a\":2}"));
        }

        using var reopened = new SqliteDeviceStore(_database.ConnectionString);
        Assert.Equal(["m1", "m2"], reopened.GetOutbox().Select(m => m.MsgId));
        Assert.True(reopened.DeleteOutbox("m1"));
        Assert.False(reopened.DeleteOutbox("m1"));
        Assert.Equal("{\"a\":2}", Assert.Single(reopened.GetOutbox()).Envelope);
    }

    [Fact]
    public void Reopen_KeepsDevicesAttributesAndTwins()
    {
        var twin = new DeviceTwinRow(0, "default/thermo-01", "setpoint", Expected: "22", ExpectedMeta: "{\"timestamp\":1}", Optional: false, AttrType: "int");
        using (var store = new SqliteDeviceStore(_database.ConnectionString))
        {
            store.AddDevice(new DeviceRow("thermo-01", "thermo-01", "lab", "online", ""), [new(0, "thermo-01", "vendor", null, "acme", true, "string", "{}")], [twin]);
        }

        using var reopened = new SqliteDeviceStore(_database.ConnectionString);
        Assert.Equal(new DeviceRow("default/thermo-01", "thermo-01", "lab", "online", ""), reopened.GetDevice("thermo-01"));
        Assert.Equal("acme", Assert.Single(reopened.GetAttributes("thermo-01")).Value);
        Assert.Equal(twin with { Id = 1 }, Assert.Single(reopened.GetTwins("thermo-01")));
    }

    [Fact]
    public void Open_ExistingKubeEdgeDatabaseWithoutVersion_KeepsRowsAndMigrates()
    {
        _database.Execute(
            "CREATE TABLE device (id TEXT PRIMARY KEY, name TEXT, description TEXT, state TEXT, last_online TEXT);" +
            "INSERT INTO device VALUES ('default/old', 'old', NULL, 'offline', '');");
        using var store = new SqliteDeviceStore(_database.ConnectionString);
        Assert.Equal("offline", store.GetDevice("default/old")!.State);
        Assert.Equal(2L, _database.Rows("SELECT version FROM schema_versions WHERE component = 'devicetwin'")[0][0]);
        store.SaveTwin(new DeviceTwinRow(0, "old", "t"));
        Assert.Single(store.GetTwins("default/old"));
    }

    [Fact]
    public void Open_NewerSchemaVersion_ThrowsStoreException()
    {
        _database.Execute(
            "CREATE TABLE schema_versions (component TEXT PRIMARY KEY, version INT NOT NULL);" +
            "INSERT INTO schema_versions VALUES ('devicetwin', 99);");
        var error = Assert.Throws<DeviceStoreException>(() => new SqliteDeviceStore(_database.ConnectionString));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveDevice_FailureInsideTransaction_RollsBack()
    {
        using var store = new SqliteDeviceStore(_database.ConnectionString);
        store.AddDevice(new DeviceRow("a", "a", null, null, null), [], [new DeviceTwinRow(0, "a", "t")]);
        _database.Execute("CREATE TRIGGER refuse BEFORE DELETE ON device BEGIN SELECT RAISE(ABORT, 'refused by test'); END;");
        var error = Assert.Throws<DeviceStoreException>(() => store.RemoveDevice("a"));
        Assert.Contains("refused by test", error.Message, StringComparison.Ordinal);
        Assert.NotNull(store.GetDevice("a"));
        Assert.Single(store.GetTwins("a"));
    }
}
