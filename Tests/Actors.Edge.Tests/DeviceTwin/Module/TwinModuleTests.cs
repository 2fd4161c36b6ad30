using System.Text.Json;
using Actors.Edge.Modules.DeviceTwin.Twin;

namespace Actors.Edge.Tests.DeviceTwin.Module;

/// <summary>DeviceTwin through the module bus: MQTT requests from EventBus, cloud messages, publications and cloud reports.</summary>
public sealed class TwinModuleTests : TwinModuleTestBase
{
    private const string Topic = "$hw/events/device/" + Device;

    [Fact]
    public void Membership_FromCloud_DeviceStoredAndAnnounced()
    {
        Start();
        var device = new Actors.Messages.DeviceTwin.MembershipDevice(Device, "thermo-01", "lab sensor");
        FromCloud(Actors.Messages.DeviceTwin.TwinTranslator.ToEnvelope(
            new Actors.Messages.DeviceTwin.MembershipUpdated("m-1", 1, [device], []), Actors.Messages.Wire.MessageHeader.New(Time)));

        var updated = ExpectPublished($"$hw/events/node/{Node}/membership/updated");
        Assert.Equal(Device, updated.GetProperty("added_devices")[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, updated.GetProperty("removed_devices").ValueKind);
        Assert.Equal("thermo-01", Rows("SELECT name FROM device WHERE id = 'default/thermo-01'").Single()[0]);

        FromMqtt($"$hw/events/node/{Node}/membership/get", """{"event_id":"m-7","timestamp":1}""");
        var list = ExpectPublished($"$hw/events/node/{Node}/membership/get/result");
        Assert.Equal("m-7", list.GetProperty("event_id").GetString());
        Assert.Equal("lab sensor", list.GetProperty("devices")[0].GetProperty("description").GetString());
    }

    [Fact]
    public void TwinSync_RightAfterMembershipAddingDevice_AppliedNotIgnored()
    {
        Start();
        var device = new Actors.Messages.DeviceTwin.MembershipDevice(Device, "thermo-01", "lab sensor");
        FromCloud(Actors.Messages.DeviceTwin.TwinTranslator.ToEnvelope(
            new Actors.Messages.DeviceTwin.MembershipUpdated("m-1", 1, [device], []), Actors.Messages.Wire.MessageHeader.New(Time)));
        FromCloud(CloudSync("""{"event_id":"c-1","timestamp":1,"twin":{"power":{"expected":{"value":"on"},"expected_version":{"cloud":1,"edge":0},"metadata":{"type":"string"}}}}"""));

        var delta = ExpectPublished(Topic + "/twin/update/delta");
        Assert.Equal("on", delta.GetProperty("delta").GetProperty("power").GetString());
        Assert.Equal("on", Rows("SELECT expected FROM device_twin WHERE name = 'power'").Single()[0]);
    }

    [Fact]
    public void DesiredValue_FromCloud_DeltaPublishedOnMapperTopic()
    {
        Start();
        AddDevice();
        FromCloud(CloudSync("""{"event_id":"c-1","timestamp":1,"twin":{"setpoint":{"expected":{"value":"22"},"expected_version":{"cloud":2,"edge":0},"metadata":{"type":"int"}}}}"""));

        var delta = ExpectPublished(Topic + "/twin/update/delta");
        Assert.Equal("22", delta.GetProperty("delta").GetProperty("setpoint").GetString());
        Assert.Equal("22", Rows("SELECT expected FROM device_twin WHERE name = 'setpoint'").Single()[0]);
    }

    [Fact]
    public void ActualReported_StoredPublishedAndSentToCloud()
    {
        Start();
        AddDevice();
        FromMqtt(Topic + "/twin/update", """{"event_id":"req-1","timestamp":1,"twin":{"temperature":{"actual":{"value":"24.1"},"metadata":{"type":"string"}}}}""");

        var result = ExpectPublished(Topic + "/twin/update/result");
        Assert.Equal("req-1", result.GetProperty("event_id").GetString());
        Assert.Equal("24.1", result.GetProperty("twin").GetProperty("temperature").GetProperty("actual").GetProperty("value").GetString());
        ExpectPublished(Topic + "/twin/update/document");
        var cloud = ExpectCloud("device/default/thermo-01/twin/edge_updated");
        var twin = cloud.Content.ToElement().GetProperty("twin").GetProperty("temperature");
        Assert.Equal("24.1", twin.GetProperty("actual").GetProperty("value").GetString());
        Assert.Equal(1, twin.GetProperty("actual_version").GetProperty("edge").GetInt32());
        Assert.Equal("24.1", Rows("SELECT actual FROM device_twin WHERE name = 'temperature'").Single()[0]);
        var metrics = Kernel.Diagnostics.MetricsRegistry.Get(Sys).Families.ToDictionary(f => f.Name, f => f.Collect());
        Assert.Equal(1, metrics["edgeactors_devicetwin_devices"].Single().Value);
        Assert.Equal(1, metrics["edgeactors_devicetwin_requests_total"].Single(m => m.LabelValues[0] == "twin_update").Value);
        Assert.Equal(1, metrics["edgeactors_devicetwin_requests_total"].Single(m => m.LabelValues[0] == "membership_update").Value);
    }

    [Fact]
    public void TwinUpdate_BareDeviceName_RepliesOnSameTopicForm()
    {
        Start();
        AddDevice();
        FromMqtt("$hw/events/device/thermo-01/twin/update", """{"event_id":"req-2","timestamp":1,"twin":{"setpoint":{"actual":{"value":"21"}}}}""");

        var result = ExpectPublished("$hw/events/device/thermo-01/twin/update/result");
        Assert.Equal("21", result.GetProperty("twin").GetProperty("setpoint").GetProperty("actual").GetProperty("value").GetString());
        var delta = ExpectPublished("$hw/events/device/thermo-01/twin/update/delta");
        Assert.Equal("20", delta.GetProperty("delta").GetProperty("setpoint").GetString());
    }

    [Fact]
    public void TwinGet_KnownDevice_ReturnsDocument()
    {
        Start();
        AddDevice();
        FromMqtt(Topic + "/twin/get", """{"event_id":"get-7","timestamp":1}""");

        var result = ExpectPublished(Topic + "/twin/get/result");
        Assert.Equal("get-7", result.GetProperty("event_id").GetString());
        var setpoint = result.GetProperty("twin").GetProperty("setpoint");
        Assert.Equal("20", setpoint.GetProperty("expected").GetProperty("value").GetString());
        Assert.False(setpoint.GetProperty("optional").GetBoolean());
        Assert.False(setpoint.TryGetProperty("expected_version", out _));
    }

    [Fact]
    public void UnknownDevice_UpdateAndGet_AnswerKubeEdge404()
    {
        Start();
        FromMqtt("$hw/events/device/default/ghost/twin/update", """{"event_id":"u-1","timestamp":1,"twin":{"a":{"actual":{"value":"1"}}}}""");
        var update = ExpectPublished("$hw/events/device/default/ghost/twin/update/result");
        Assert.Equal(404, update.GetProperty("code").GetInt32());
        Assert.Equal(TwinProcessor.UnknownDeviceUpdateError, update.GetProperty("reason").GetString());

        FromMqtt("$hw/events/device/default/ghost/twin/get", """{"event_id":"g-1","timestamp":1}""");
        var get = ExpectPublished("$hw/events/device/default/ghost/twin/get/result");
        Assert.Equal(404, get.GetProperty("code").GetInt32());
        Assert.Equal("Device default/ghost not found while getting twin", get.GetProperty("reason").GetString());
    }

    [Fact]
    public void MalformedPayloads_Answer400_AndModuleKeepsWorking()
    {
        Start();
        AddDevice();
        FromMqtt(Topic + "/twin/update", "{not json");
        var bad = ExpectPublished(Topic + "/twin/update/result");
        Assert.Equal(400, bad.GetProperty("code").GetInt32());
        Assert.Equal(TwinRequestParser.UnmarshalError, bad.GetProperty("reason").GetString());

        FromMqtt(Topic + "/twin/update", """{"event_id":"t-1","timestamp":1,"twin":{"setpoint":{"actual":{"value":"warm"}}}}""");
        var typed = ExpectPublished(Topic + "/twin/update/result");
        Assert.Equal("the value is not int or integer", typed.GetProperty("reason").GetString());

        FromMqtt(Topic + "/twin/get", """{"event_id":"g-2","timestamp":1}""");
        Assert.Equal("20", ExpectPublished(Topic + "/twin/get/result").GetProperty("twin").GetProperty("setpoint").GetProperty("expected").GetProperty("value").GetString());
    }

    [Fact]
    public void StateUpdate_StoredAnsweredAndSentToCloud()
    {
        Start();
        AddDevice();
        FromMqtt(Topic + "/state/update", """{"event_id":"s-1","timestamp":1,"state":"Online"}""");

        var result = ExpectPublished(Topic + "/state/update/result");
        Assert.Equal("online", result.GetProperty("device").GetProperty("state").GetString());
        Assert.Equal("2024-08-06T08:08:20Z", result.GetProperty("device").GetProperty("lastOnlineTime").GetString());
        var cloud = ExpectCloud("device/default/thermo-01/state/update");
        Assert.Contains("\"state\":\"online\"", cloud.Content.AsString(), StringComparison.Ordinal);
        Assert.Equal("online", Rows("SELECT state FROM device").Single()[0]);
    }

    [Fact]
    public void AttributesUpdated_FromCloud_StoredAndPublished()
    {
        Start();
        AddDevice();
        FromCloud(new Actors.Messages.Wire.MessageEnvelope(
            new Actors.Messages.Wire.MessageHeader(Guid.NewGuid().ToString()),
            new Actors.Messages.Wire.MessageRoute("devicecontroller", "twin", "updated", "device/default/thermo-01/updated"),
            Actors.Messages.Wire.MessageContent.FromString("""{"event_id":"a-1","timestamp":1,"attributes":{"vendor":{"value":"acme2","metadata":{"type":"string"}}}}""")));

        var updated = ExpectPublished(Topic + "/updated");
        Assert.Equal("acme2", updated.GetProperty("attributes").GetProperty("vendor").GetProperty("value").GetString());
        Assert.Equal("acme2", Rows("SELECT value FROM device_attr WHERE name = 'vendor'").Single()[0]);
    }

    [Fact]
    public void MembershipRemoval_DeletesDeviceRows_AndLaterUpdatesAre404()
    {
        Start();
        AddDevice();
        var device = new Actors.Messages.DeviceTwin.MembershipDevice(Device, "thermo-01", "lab sensor");
        FromCloud(Actors.Messages.DeviceTwin.TwinTranslator.ToEnvelope(
            new Actors.Messages.DeviceTwin.MembershipUpdated("m-2", 2, [], [device]), Actors.Messages.Wire.MessageHeader.New(Time)));

        var removed = ExpectPublished($"$hw/events/node/{Node}/membership/updated");
        Assert.Equal(Device, removed.GetProperty("removed_devices")[0].GetProperty("id").GetString());
        Assert.Empty(Rows("SELECT * FROM device_twin"));
        FromMqtt(Topic + "/twin/update", """{"event_id":"u-9","timestamp":1,"twin":{"setpoint":{"actual":{"value":"1"}}}}""");
        Assert.Equal(404, ExpectPublished(Topic + "/twin/update/result").GetProperty("code").GetInt32());
    }

    private static Actors.Messages.Wire.MessageEnvelope CloudSync(string content) => new(
        new Actors.Messages.Wire.MessageHeader(Guid.NewGuid().ToString()),
        new Actors.Messages.Wire.MessageRoute("devicecontroller", "twin", "update", "device/default/thermo-01/twin/cloud_updated"),
        Actors.Messages.Wire.MessageContent.FromJson(System.Text.Encoding.UTF8.GetBytes(content)));
}
