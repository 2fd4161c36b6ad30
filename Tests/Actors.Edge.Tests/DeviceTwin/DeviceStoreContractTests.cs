using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Edge.Modules.DeviceTwin.Storage.Models;

namespace Actors.Edge.Tests.DeviceTwin;

/// <summary>Behaviour every <see cref="IDeviceStore"/> must share; run against SQLite and in memory.</summary>
public abstract class DeviceStoreContractTests : IDisposable
{
    private readonly Lazy<IDeviceStore> _store;

    protected DeviceStoreContractTests() => _store = new Lazy<IDeviceStore>(CreateStore);

    protected IDeviceStore Store => _store.Value;

    public virtual void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract IDeviceStore CreateStore();

    protected static DeviceRow Device(string id = "default/thermo-01") =>
        new(id, id.Split('/')[^1], "lab sensor", "online", "2024-08-06T08:05:00Z");

    protected static DeviceTwinRow Twin(string name, string? expected = null, string? actual = null) =>
        new(0, "default/thermo-01", name, Expected: expected, Actual: actual, ExpectedVersion: "{\"cloud\":0,\"edge\":1}");

    protected static DeviceAttrRow Attr(string name, string value) =>
        new(0, "default/thermo-01", name, null, value, true, "string", "{}");

    [Fact]
    public void SaveDevice_ThenGet_ReturnsRow()
    {
        Store.SaveDevice(Device());
        Assert.Equal(Device(), Store.GetDevice("default/thermo-01"));
    }

    [Fact]
    public void SaveDevice_SameId_Replaces()
    {
        Store.SaveDevice(Device());
        Store.SaveDevice(Device() with { State = "offline" });
        Assert.Equal("offline", Store.GetDevice("default/thermo-01")!.State);
        Assert.Single(Store.GetAllDevices());
    }

    [Fact]
    public void GetDevice_BareName_NormalisesToDefaultNamespace()
    {
        Store.SaveDevice(Device("thermo-01"));
        Assert.Equal("default/thermo-01", Store.GetDevice("default/thermo-01")!.Id);
        Assert.Equal("default/thermo-01", Store.GetDevice("thermo-01")!.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b/c")]
    [InlineData("/x")]
    public void GetDevice_InvalidId_ThrowsArgument(string id) =>
        Assert.Throws<ArgumentException>(() => Store.GetDevice(id));

    [Fact]
    public void SaveDevice_IdLongerThan64_ThrowsArgument() =>
        Assert.Throws<ArgumentException>(() => Store.SaveDevice(Device("ns/" + new string('a', 62))));

    [Fact]
    public void DeleteDevice_Existing_RemovesOnlyDeviceRow()
    {
        Store.AddDevice(Device(), [Attr("vendor", "acme")], [Twin("temperature")]);
        Assert.True(Store.DeleteDevice("thermo-01"));
        Assert.Null(Store.GetDevice("default/thermo-01"));
        Assert.Single(Store.GetTwins("default/thermo-01"));
        Assert.False(Store.DeleteDevice("thermo-01"));
    }

    [Fact]
    public void UpdateDeviceField_ChangesOneColumn()
    {
        Store.SaveDevice(Device());
        Assert.True(Store.UpdateDeviceField("default/thermo-01", "state", "offline"));
        Assert.Equal(Device() with { State = "offline" }, Store.GetDevice("default/thermo-01"));
    }

    [Fact]
    public void UpdateDeviceFields_ChangesSeveralColumns_NullClears()
    {
        Store.SaveDevice(Device());
        var changed = Store.UpdateDeviceFields("default/thermo-01", new Dictionary<string, object?> { ["state"] = "unknown", ["last_online"] = null, ["description"] = "moved" });
        Assert.True(changed);
        Assert.Equal(Device() with { State = "unknown", LastOnline = null, Description = "moved" }, Store.GetDevice("default/thermo-01"));
    }

    [Fact]
    public void UpdateDeviceField_MissingDevice_ReturnsFalse() =>
        Assert.False(Store.UpdateDeviceField("default/none", "state", "online"));

    [Theory]
    [InlineData("id")]
    [InlineData("state; DROP TABLE device")]
    public void UpdateDeviceField_UnknownColumn_ThrowsArgument(string column)
    {
        Store.SaveDevice(Device());
        Assert.Throws<ArgumentException>(() => Store.UpdateDeviceField("default/thermo-01", column, "x"));
        Assert.Equal(Device(), Store.GetDevice("default/thermo-01"));
    }

    [Fact]
    public void GetAllDevices_ReturnsAllOrderedById()
    {
        Store.SaveDevice(Device("ns/b"));
        Store.SaveDevice(Device("ns/a"));
        Store.SaveDevice(Device("c"));
        Assert.Equal(["default/c", "ns/a", "ns/b"], Store.GetAllDevices().Select(d => d.Id));
    }

    [Fact]
    public void UpdateDevices_AllExist_UpdatesEach()
    {
        Store.SaveDevice(Device("ns/a"));
        Store.SaveDevice(Device("b"));
        Store.UpdateDevices([new("ns/a", Cols("state", "offline")), new("b", Cols("state", "ok"))]);
        Assert.Equal("offline", Store.GetDevice("ns/a")!.State);
        Assert.Equal("ok", Store.GetDevice("default/b")!.State);
    }

    [Fact]
    public void UpdateDevices_OneMissing_RollsBackAll()
    {
        Store.SaveDevice(Device("ns/a"));
        Store.SaveDevice(Device("ns/b"));
        Assert.Throws<DeviceStoreException>(() =>
            Store.UpdateDevices([new("ns/a", Cols("state", "offline")), new("ns/missing", Cols("state", "ok")), new("ns/b", Cols("state", "ok"))]));
        Assert.All(Store.GetAllDevices(), d => Assert.Equal("online", d.State));
    }

    [Fact]
    public void AddDevice_WritesDeviceAttributesAndTwins()
    {
        Store.AddDevice(Device("thermo-01"), [Attr("vendor", "acme")], [Twin("setpoint", "22"), Twin("temperature", actual: "24.1")]);
        Assert.NotNull(Store.GetDevice("default/thermo-01"));
        var attr = Assert.Single(Store.GetAttributes("thermo-01"));
        Assert.Equal(("default/thermo-01", "vendor", "acme"), (attr.DeviceId, attr.Name, attr.Value));
        Assert.True(attr.Id > 0);
        var twins = Store.GetTwins("default/thermo-01");
        Assert.Equal(["setpoint", "temperature"], twins.Select(t => t.Name));
        Assert.Equal(Twin("setpoint", "22") with { Id = twins[0].Id }, twins[0]);
        Assert.NotEqual(twins[0].Id, twins[1].Id);
    }

    [Fact]
    public void AddDevice_TwinViolatesUniqueName_RollsBackWholeDevice()
    {
        var error = Assert.Throws<DeviceStoreException>(() =>
            Store.AddDevice(Device(), [Attr("vendor", "acme")], [Twin("setpoint", "22"), Twin("setpoint", "23")]));
        Assert.Contains("setpoint", error.Message, StringComparison.Ordinal);
        Assert.Null(Store.GetDevice("default/thermo-01"));
        Assert.Empty(Store.GetAttributes("default/thermo-01"));
        Assert.Empty(Store.GetTwins("default/thermo-01"));
        Assert.Empty(Store.GetAllDevices());
    }

    [Fact]
    public void AddDevice_AfterRollback_SucceedsWithSameIds()
    {
        Assert.Throws<DeviceStoreException>(() => Store.AddDevice(Device(), [], [Twin("a"), Twin("a")]));
        Store.AddDevice(Device(), [], [Twin("a")]);
        Assert.Equal(1, Assert.Single(Store.GetTwins("default/thermo-01")).Id);
    }

    [Fact]
    public void AddDevice_ExistingDevice_ThrowsAndKeepsOriginal()
    {
        Store.AddDevice(Device(), [], [Twin("a", "1")]);
        Assert.Throws<DeviceStoreException>(() => Store.AddDevice(Device() with { State = "offline" }, [], [Twin("b")]));
        Assert.Equal("online", Store.GetDevice("default/thermo-01")!.State);
        Assert.Equal(["a"], Store.GetTwins("default/thermo-01").Select(t => t.Name));
    }

    [Fact]
    public void RemoveDevice_DeletesDeviceAttributesAndTwins_OthersKept()
    {
        Store.AddDevice(Device(), [Attr("vendor", "acme")], [Twin("a")]);
        Store.AddDevice(Device("ns/other"), [Attr("vendor", "x")], [Twin("a")]);
        Assert.True(Store.RemoveDevice("thermo-01"));
        Assert.Null(Store.GetDevice("default/thermo-01"));
        Assert.Empty(Store.GetAttributes("default/thermo-01"));
        Assert.Empty(Store.GetTwins("default/thermo-01"));
        Assert.Single(Store.GetTwins("ns/other"));
        Assert.False(Store.RemoveDevice("thermo-01"));
    }

    [Fact]
    public void Attribute_SaveUpdateDelete_RoundTrips()
    {
        Store.SaveDevice(Device());
        var saved = Store.SaveAttribute(Attr("vendor", "acme"));
        Assert.True(Store.UpdateAttributeFields("thermo-01", "vendor", new Dictionary<string, object?> { ["value"] = "acme2", ["optional"] = false }));
        Assert.Equal(saved with { Value = "acme2", Optional = false }, Assert.Single(Store.GetAttributes("default/thermo-01")));
        Assert.False(Store.UpdateAttributeFields("thermo-01", "model", Cols("value", "x")));
        Assert.Throws<DeviceStoreException>(() => Store.SaveAttribute(Attr("vendor", "again")));
        Assert.True(Store.DeleteAttribute("default/thermo-01", "vendor"));
        Assert.False(Store.DeleteAttribute("default/thermo-01", "vendor"));
        Assert.Empty(Store.GetAttributes("default/thermo-01"));
    }

    [Fact]
    public void Twin_SaveUpdateDelete_RoundTrips()
    {
        var saved = Store.SaveTwin(Twin("setpoint", "22"));
        Assert.True(Store.UpdateTwinFields("thermo-01", "setpoint", new Dictionary<string, object?> { ["actual"] = "21", ["actual_meta"] = "{\"timestamp\":5}", ["optional"] = false }));
        Assert.Equal(saved with { Actual = "21", ActualMeta = "{\"timestamp\":5}", Optional = false }, Store.GetTwins("default/thermo-01").Single());
        Assert.Throws<ArgumentException>(() => Store.UpdateTwinFields("thermo-01", "setpoint", Cols("deviceid", "x")));
        Assert.True(Store.DeleteTwin("thermo-01", "setpoint"));
        Assert.Empty(Store.GetTwins("thermo-01"));
    }

    [Fact]
    public void ApplyTwinChanges_AddsUpdatesDeletes()
    {
        Store.AddDevice(Device(), [], [Twin("a", "1"), Twin("b", "2")]);
        var b = Store.GetTwins("default/thermo-01")[1];
        Store.ApplyTwinChanges("thermo-01", new TwinChanges([Twin("c", "3")], [b with { Expected = "20", AttrType = "int" }], ["a"]));
        var twins = Store.GetTwins("default/thermo-01");
        Assert.Equal(["b", "c"], twins.Select(t => t.Name));
        Assert.Equal(b with { Expected = "20", AttrType = "int" }, twins[0]);
    }

    [Fact]
    public void ApplyTwinChanges_FailureMidway_RollsBackAll()
    {
        Store.AddDevice(Device(), [], [Twin("a", "1"), Twin("b", "2")]);
        var before = Store.GetTwins("default/thermo-01");
        Assert.Throws<DeviceStoreException>(() => Store.ApplyTwinChanges(
            "thermo-01",
            new TwinChanges([Twin("c", "3")], [before[0] with { Expected = "9" }, Twin("missing", "x")], ["b"])));
        Assert.Equal(before, Store.GetTwins("default/thermo-01"));
        Assert.Throws<DeviceStoreException>(() => Store.ApplyTwinChanges("thermo-01", new TwinChanges([Twin("d"), Twin("a")], [], [])));
        Assert.Equal(before, Store.GetTwins("default/thermo-01"));
    }

    [Fact]
    public void InTransaction_FailureAfterTwinChangeAndOutbox_RollsBackBoth()
    {
        Store.AddDevice(Device(), [], [Twin("a", "1")]);
        var before = Store.GetTwins("default/thermo-01");
        Assert.Throws<InvalidOperationException>(() => Store.InTransaction(() =>
        {
            Store.ApplyTwinChanges("thermo-01", new TwinChanges([], [before[0] with { Expected = "2" }], []));
            Store.AddOutbox(new CloudOutboxRow(0, "m1", "{}"));
            throw new InvalidOperationException("test failure");
        }));
        Assert.Equal(before, Store.GetTwins("default/thermo-01"));
        Assert.Empty(Store.GetOutbox());
    }

    [Fact]
    public void Outbox_AddListDelete_KeepsOrderAndRejectsDuplicateIds()
    {
        var first = Store.AddOutbox(new CloudOutboxRow(0, "m1", "{\"n\":1}"));
        var second = Store.AddOutbox(new CloudOutboxRow(0, "m2", "{\"n\":2}"));
        Assert.True(second.Seq > first.Seq);
        Assert.Throws<DeviceStoreException>(() => Store.AddOutbox(new CloudOutboxRow(0, "m1", "{}")));
        Assert.Equal(["m1", "m2"], Store.GetOutbox().Select(m => m.MsgId));
        Assert.True(Store.DeleteOutbox("m1"));
        Assert.False(Store.DeleteOutbox("m1"));
        Assert.Equal("m2", Assert.Single(Store.GetOutbox()).MsgId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("id")]
    [InlineData("deviceid")]
    public void UpdateTwinAndAttributeFields_EmptyNameOrKeyColumn_ThrowArgumentBeforeAnyChange(string column)
    {
        Store.AddDevice(Device(), [Attr("vendor", "acme")], [Twin("a", "1")]);
        var name = column.Length == 0 ? string.Empty : "a";
        var columns = column.Length == 0 ? Cols("expected", "2") : Cols(column, "x");
        Assert.ThrowsAny<ArgumentException>(() => Store.UpdateTwinFields("thermo-01", name, columns));
        Assert.ThrowsAny<ArgumentException>(() => Store.UpdateAttributeFields("thermo-01", column.Length == 0 ? string.Empty : "vendor", column.Length == 0 ? Cols("value", "x") : columns));
        Assert.Equal("1", Assert.Single(Store.GetTwins("thermo-01")).Expected);
        Assert.Equal("acme", Assert.Single(Store.GetAttributes("thermo-01")).Value);
    }

    private static Dictionary<string, object?> Cols(string column, object? value) => new() { [column] = value };
}

/// <summary>The contract against <see cref="InMemoryDeviceStore"/>.</summary>
public sealed class InMemoryDeviceStoreContractTests : DeviceStoreContractTests
{
    protected override IDeviceStore CreateStore() => new InMemoryDeviceStore();
}

/// <summary>The contract against <see cref="SqliteDeviceStore"/> on a temporary file.</summary>
public sealed class SqliteDeviceStoreContractTests : DeviceStoreContractTests
{
    private readonly TempDeviceDatabase _database = new();

    public override void Dispose()
    {
        base.Dispose();
        _database.Dispose();
    }

    protected override IDeviceStore CreateStore() => new SqliteDeviceStore(_database.ConnectionString);
}
