using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Edge.Modules.DeviceTwin.Storage.Models;
using Actors.Edge.Modules.DeviceTwin.Twin;

namespace Actors.Edge.Tests.DeviceTwin;

/// <summary>The pure twin logic and the SQLite store together: updates persist and reload to the same twin state.</summary>
public sealed class TwinStorageFlowTests : IDisposable
{
    private readonly TempDeviceDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void DesiredThenReported_PersistedAndReloadedAfterReopen_DeltaClears()
    {
        using (var store = new SqliteDeviceStore(_database.ConnectionString))
        {
            store.AddDevice(new DeviceRow("default/thermo-01", "thermo-01", null, "online", null), [], []);
            var desired = Update(store, """{"event_id":"c1","twin":{"setpoint":{"expected":{"value":"22"},"metadata":{"type":"int"}}}}""", 10);
            Assert.Contains("\"delta\":{\"setpoint\":\"22\"}", desired.Delta, StringComparison.Ordinal);
        }

        using var reopened = new SqliteDeviceStore(_database.ConnectionString);
        var reported = Update(reopened, """{"event_id":"m1","twin":{"setpoint":{"actual":{"value":"22"}}}}""", 20);
        Assert.Null(reported.Delta);
        var twin = TwinRows.FromRows(reopened.GetTwins("thermo-01"))["setpoint"];
        Assert.Equal(new MsgTwin(
            new TwinValue("22", new ValueMetadata(10)), new TwinValue("22", new ValueMetadata(20)), true, new TypeMetadata("int"),
            new TwinVersion(0, 1), new TwinVersion(0, 1)), twin);
        TwinJson.Equal(
            """{"event_id":"id","timestamp":20,"twin":{"setpoint":{"expected":{"value":"22","metadata":{"timestamp":10}},"actual":{"value":"22","metadata":{"timestamp":20}},"optional":true,"metadata":{"type":"int"},"expected_version":{"cloud":0,"edge":1},"actual_version":{"cloud":0,"edge":1}}}}""",
            reported.Cloud);
    }

    [Fact]
    public void AddDevice_FailedTransaction_NothingOnDiskAfterReopen()
    {
        using (var store = new SqliteDeviceStore(_database.ConnectionString))
        {
            Assert.Throws<DeviceStoreException>(() => store.AddDevice(
                new DeviceRow("a", "a", null, null, null),
                [new DeviceAttrRow(0, "a", "vendor", null, "x", true, "string", null)],
                [new DeviceTwinRow(0, "a", "t"), new DeviceTwinRow(0, "a", "t")]));
        }

        Assert.Empty(_database.Rows("SELECT id FROM device"));
        Assert.Empty(_database.Rows("SELECT id FROM device_attr"));
        Assert.Empty(_database.Rows("SELECT id FROM device_twin"));
    }

    private static TwinUpdateReplies Update(SqliteDeviceStore store, string payload, long now)
    {
        var twins = TwinRows.FromRows(store.GetTwins("thermo-01"));
        var replies = TwinProcessor.HandleUpdate("default/thermo-01", twins, TwinJson.Bytes(payload), DealType.Rest, now, () => "id");
        store.ApplyTwinChanges("thermo-01", TwinRows.ToChanges("default/thermo-01", replies.Outcome!));
        return replies;
    }
}
