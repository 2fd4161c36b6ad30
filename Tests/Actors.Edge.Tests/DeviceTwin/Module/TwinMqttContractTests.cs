using System.Globalization;
using System.Text.Json;
using System.Text;
using Actors.Edge.Host;
using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Edge.Modules.DeviceTwin;
using Actors.Edge.Modules.EventBus.Module;
using Actors.Edge.Tests.Mqtt.Support;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.DeviceTwin;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Actors.TestKit.Modules;

namespace Actors.Edge.Tests.DeviceTwin.Module;

/// <summary>
/// KubeEdge's MQTT contract end to end: mosquitto as the broker, mosquitto_pub/mosquitto_sub standing in for a
/// mapper, the real EventBus and DeviceTwin modules on one bus, and a probe in EdgeHub's place for the cloud.
/// </summary>
public sealed class TwinMqttContractTests : TestKit.TestKit
{
    private const string Node = "edge-node-1";
    private const string Topic = "$hw/events/device/default/thermo-01";
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);
    private readonly TempDeviceDatabase _database = new();

    protected override void AfterAll()
    {
        base.AfterAll();
        _database.Dispose();
    }

    [Fact]
    public async Task Mapper_DesiredDeltaThenActualReport_MapperGetsDeltaAndCloudGetsReport()
    {
        using var mosquitto = await MosquittoBroker.StartAsync();
        var (bus, cloud) = Start(mosquitto.Port);
        using var delta = await Sub(mosquitto.Port, Topic + "/twin/update/delta");
        AddDevice(bus);

        bus.Send(ModuleNames.DeviceTwin, new BusMessage(CloudSync("""{"event_id":"c-1","timestamp":1,"twin":{"setpoint":{"expected":{"value":"22"},"expected_version":{"cloud":2,"edge":0},"metadata":{"type":"int"}}}}""")));
        var deltaLine = await delta.WaitForLineAsync(l => l.StartsWith(Topic + "/twin/update/delta ", StringComparison.Ordinal), "the delta", Long);
        Assert.Equal("22", Payload(deltaLine).GetProperty("delta").GetProperty("setpoint").GetString());

        await Pub(mosquitto.Port, Topic + "/twin/update", """{"event_id":"m-1","timestamp":2,"twin":{"setpoint":{"actual":{"value":"22"},"metadata":{"type":"int"}}}}""");
        var report = cloud.FishForMessage<BusMessage>(m => m.Envelope.Route.Resource.EndsWith("device/default/thermo-01/twin/edge_updated", StringComparison.Ordinal), Long, "edge_updated to the cloud");
        Assert.Equal("22", report.Envelope.Content.ToElement().GetProperty("twin").GetProperty("setpoint").GetProperty("actual").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Mapper_TwinGet_DocumentOnResultTopic()
    {
        using var mosquitto = await MosquittoBroker.StartAsync();
        var (bus, _) = Start(mosquitto.Port);
        AddDevice(bus);
        using var result = await Sub(mosquitto.Port, Topic + "/twin/get/result");

        await Pub(mosquitto.Port, Topic + "/twin/get", """{"event_id":"g-1","timestamp":3}""");

        var line = await result.WaitForLineAsync(l => l.StartsWith(Topic + "/twin/get/result ", StringComparison.Ordinal), "the twin document", Long);
        var document = Payload(line);
        Assert.Equal("g-1", document.GetProperty("event_id").GetString());
        Assert.Equal("20", document.GetProperty("twin").GetProperty("setpoint").GetProperty("expected").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Mapper_UnknownDeviceAndMalformedPayload_KubeEdgeErrorResults()
    {
        using var mosquitto = await MosquittoBroker.StartAsync();
        var (bus, _) = Start(mosquitto.Port);
        AddDevice(bus);
        const string unknown = "$hw/events/device/default/no-such-device";
        using var unknownResult = await Sub(mosquitto.Port, unknown + "/twin/update/result");
        using var badResult = await Sub(mosquitto.Port, Topic + "/twin/update/result");

        await Pub(mosquitto.Port, unknown + "/twin/update", """{"event_id":"u-1","timestamp":4,"twin":{"setpoint":{"actual":{"value":"1"}}}}""");
        await Pub(mosquitto.Port, Topic + "/twin/update", "{not json");

        Assert.Equal(404, Payload(await unknownResult.WaitForLineAsync(l => l.StartsWith(unknown, StringComparison.Ordinal), "404 result", Long)).GetProperty("code").GetInt32());
        Assert.Equal(400, Payload(await badResult.WaitForLineAsync(l => l.StartsWith(Topic, StringComparison.Ordinal), "400 result", Long)).GetProperty("code").GetInt32());
    }

    private (ModuleBus Bus, TestKit.TestProbe Cloud) Start(int mosquittoPort)
    {
        var ready = CreateTestProbe();
        Sys.EventStream.Subscribe(ready.Ref, typeof(EventBusLinkReady));
        var cloud = CreateTestProbe("cloud");
        var eventBus = new EventBusModule(new EventBusOptions(true, "external", "tcp://127.0.0.1:" + MqttTestKit.FreePort(), "tcp://127.0.0.1:" + mosquittoPort));
        var twin = new DeviceTwinModule(new DeviceTwinOptions(true, Node, "unused.db", TimeSpan.FromSeconds(60), 3), () => new SqliteDeviceStore(_database.ConnectionString));
        var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
        var bus = ModuleHost.Start(Sys, [eventBus, twin, new ProbeModule(ModuleNames.EdgeHub, Groups.Hub, cloud.Ref)], new ModuleHostOptions(correlation));
        ready.ExpectMsg<EventBusLinkReady>(TimeSpan.FromSeconds(30), "the eventbus link to mosquitto");
        return (bus, cloud);
    }

    private void AddDevice(ModuleBus bus)
    {
        var twin = """{"setpoint":{"expected":{"value":"20"},"metadata":{"type":"int"},"optional":false}}""";
        var device = new MembershipDevice("default/thermo-01", "thermo-01", "lab sensor", null, MessageContent.FromJson(Encoding.UTF8.GetBytes(twin)));
        bus.Send(ModuleNames.DeviceTwin, new BusMessage(TwinTranslator.ToEnvelope(new MembershipUpdated("m-1", 1, [device], []), MessageHeader.New(TimeProvider.System))));
        AwaitCondition(() => TwinStored(), Long);
    }

    // The module creates its tables when it starts; until then the query fails and the condition is not met yet.
    private bool TwinStored()
    {
        try
        {
            return _database.Rows("SELECT count(*) FROM device_twin WHERE name = 'setpoint'").Single()[0] is long n && n == 1;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return false;
        }
    }

    private static MessageEnvelope CloudSync(string content) => new(
        new MessageHeader(Guid.NewGuid().ToString()),
        new MessageRoute(ModuleNames.DeviceController, Groups.Twin, Operations.Update, "device/default/thermo-01/twin/cloud_updated"),
        MessageContent.FromJson(Encoding.UTF8.GetBytes(content)));

    private static JsonElement Payload(string line) => JsonDocument.Parse(line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..]).RootElement.Clone();

    private static async Task Pub(int port, string topic, string message)
    {
        using var pub = ExternalProcess.Start("mosquitto_pub", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-t", topic, "-m", message, "-q", "1");
        Assert.Equal(0, await pub.WaitForExitAsync(Long));
    }

    private static async Task<ExternalProcess> Sub(int port, string topic)
    {
        var sub = ExternalProcess.StartLineBuffered("mosquitto_sub", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-t", topic, "-q", "1", "-v", "-d");
        await sub.WaitForLineAsync(l => l.Contains("SUBACK", StringComparison.Ordinal), "mosquitto_sub's SUBACK", Long);
        return sub;
    }
}
