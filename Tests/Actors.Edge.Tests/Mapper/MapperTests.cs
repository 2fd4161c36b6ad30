using System.Text.Json;
using Actors.Edge.Mapper;
using Actors.Edge.Modules.EventBus.Mqtt.Client;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Edge.Tests.Mqtt.Support;
using Actors.TestKit;

namespace Actors.Edge.Tests.Mapper;

/// <summary><c>edgecore mapper</c>: arguments, payloads, and the simulated device against a real broker.</summary>
public sealed class MapperTests
{
    private const string Device = "default/room-1";
    private const string Prefix = "$hw/events/device/" + Device + "/";

    [Fact]
    public void Parse_AllOptions_Typed()
    {
        var args = MapperArguments.Parse(["--broker", "tcp://127.0.0.1:1999", "--device", Device, "--report", "temperature", "--report", "humidity", "--interval", "2.5"]);
        Assert.Equal(("127.0.0.1", 1999, Device), (args.Host, args.Port, args.DeviceId));
        Assert.Equal(["temperature", "humidity"], args.Reports);
        Assert.Equal(TimeSpan.FromSeconds(2.5), args.Interval);
    }

    [Theory]
    [InlineData("--broker", "nohost", "--device", "d")]
    [InlineData("--device", "a/b/c")]
    [InlineData("--device", "a/+")]
    [InlineData("--device", "d", "--interval", "0")]
    [InlineData("--device", "d", "--bogus", "1")]
    [InlineData("--report", "t")]
    [InlineData("--device")]
    public void Parse_BadArguments_ClearError(params string[] args) =>
        Assert.False(string.IsNullOrEmpty(Assert.Throws<ArgumentException>(() => MapperArguments.Parse(args)).Message));

    [Fact]
    public void Payloads_DeltaAndDocument_DesiredValuesWithTypes()
    {
        var delta = MapperPayloads.Delta("""{"event_id":"","timestamp":1,"twin":{"power":{"expected":{"value":"on"},"metadata":{"type":"string"}}},"delta":{"power":"on"}}""");
        Assert.Equal(("on", "string"), delta["power"]);
        var open = MapperPayloads.Unapplied("""{"twin":{"power":{"expected":{"value":"on"},"actual":{"value":"off"}},"level":{"expected":{"value":"3"},"actual":{"value":"3"},"metadata":{"type":"int"}}}}""");
        Assert.Equal(["power"], open.Keys);
        Assert.ThrowsAny<JsonException>(() => MapperPayloads.Delta("{not json"));
    }

    [Fact]
    public void Payloads_TwinReport_KubeEdgeShape()
    {
        using var doc = JsonDocument.Parse(MapperPayloads.TwinReport(42, [("temperature", "21.5", "float")]));
        var twin = doc.RootElement.GetProperty("twin").GetProperty("temperature");
        Assert.Equal(42, doc.RootElement.GetProperty("timestamp").GetInt64());
        Assert.Equal("21.5", twin.GetProperty("actual").GetProperty("value").GetString());
        Assert.Equal("float", twin.GetProperty("metadata").GetProperty("type").GetString());
    }

    [Fact]
    public async Task VirtualDevice_DesiredValuesAndTicks_ReportedOverMqtt()
    {
        await using var broker = await MqttTestKit.StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        await using var twin = await MqttTestKit.ConnectAsync(port, "twin-side");
        await twin.SubscribeAsync(Prefix + "#", MqttQos.AtLeastOnce);
        var time = new ManualTimeProvider();
        using var lines = new StringWriter();
        var output = TextWriter.Synchronized(lines);
        using var stop = new CancellationTokenSource();
        var run = new VirtualDevice(new MapperArguments("127.0.0.1", port, Device, ["temperature"], TimeSpan.FromSeconds(5)), output, time).RunAsync(stop.Token);

        Assert.Contains("\"online\"", (await NextAsync(twin, "state/update")).Text(), StringComparison.Ordinal);
        await NextAsync(twin, "twin/get");
        Assert.NotNull(Actual(await NextAsync(twin, "twin/update"), "temperature"));

        await twin.PublishAsync(Prefix + "twin/get/result", MqttTestKit.Bytes("""{"twin":{"power":{"expected":{"value":"on"},"actual":{"value":"off"}}}}"""), MqttQos.AtLeastOnce);
        Assert.Equal("on", Actual(await NextAsync(twin, "twin/update"), "power"));

        await twin.PublishAsync(Prefix + "twin/update/delta", MqttTestKit.Bytes("{broken"), MqttQos.AtLeastOnce);
        await twin.PublishAsync(Prefix + "twin/update/delta", MqttTestKit.Bytes("""{"delta":{"power":"off"}}"""), MqttQos.AtLeastOnce);
        Assert.Equal("off", Actual(await NextAsync(twin, "twin/update"), "power"));
        Assert.Contains("ignored a malformed message", lines.ToString(), StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.NotNull(Actual(await NextAsync(twin, "twin/update"), "temperature"));

        await stop.CancelAsync();
        await run.WaitAsync(MqttTestKit.Deadline);
    }

    private static async Task<MqttApplicationMessage> NextAsync(MqttClient client, string suffix)
    {
        while (true)
        {
            var message = await client.ReceiveAsync();
            if (message.Topic == Prefix + suffix)
            {
                return message;
            }
        }
    }

    private static string? Actual(MqttApplicationMessage message, string property)
    {
        using var doc = JsonDocument.Parse(message.Text());
        return doc.RootElement.GetProperty("twin").TryGetProperty(property, out var p) ? p.GetProperty("actual").GetProperty("value").GetString() : null;
    }
}
