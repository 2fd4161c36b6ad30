using Actors.Messages.EventBus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Tests.EventBus;

/// <summary>MQTT ↔ envelope rules of KubeEdge's eventbus (kubeedge.md §5).</summary>
public sealed class EventBusTranslatorTests
{
    private static readonly MessageHeader Header = new("id-1", Timestamp: 1);

    [Theory]
    [InlineData("$hw/events/device/default/thermo-01/twin/update", true)]
    [InlineData("$hw/events/device/default/thermo-01/state/update", true)]
    [InlineData("$hw/events/node/n1/membership/get", true)]
    [InlineData("$hw/events/upload/x", false)]
    [InlineData("SYS/dis/upload_records", false)]
    [InlineData("default/user/test", false)]
    public void FromMqtt_Topic_GoesToTwinOnlyForDeviceAndNodeTopics(string topic, bool twin)
    {
        var parsed = EventBusTranslator.FromMqtt(topic, "p");
        Assert.Equal(twin, parsed is DeviceEventFromMqtt);
        Assert.Equal(!twin, parsed is UploadToCloud);
    }

    [Fact]
    public void EncodeResource_TwinTopic_IsGoUrlEncodingAndRoundTrips()
    {
        const string topic = "$hw/events/device/default/thermo-01/twin/update";
        var resource = EventBusTopics.EncodeResource(topic);
        Assert.Equal("JGh3L2V2ZW50cy9kZXZpY2UvZGVmYXVsdC90aGVybW8tMDEvdHdpbi91cGRhdGU=", resource);
        Assert.Equal(topic, EventBusTopics.DecodeResource(resource));
        Assert.Null(EventBusTopics.DecodeResource("not base64!"));
    }

    [Fact]
    public void TryParseCommand_PublishFromAnySource_IsPublish()
    {
        var envelope = EventBusTranslator.PublishRequest(ModuleNames.DeviceTwin, "a/b", "body", Header);
        var parsed = EventBusTranslator.TryParseCommand(envelope, out _);
        Assert.Equal(new PublishFromCloud("a/b", "body"), parsed);
    }

    [Fact]
    public void TryParseCommand_MessageOperationWithJsonString_PublishesInnerMessage()
    {
        var envelope = new MessageEnvelope(Header, new MessageRoute("x", Groups.User, EventBusTopics.MessageOperation, string.Empty),
            MessageContent.FromString("{\"message\":{\"topic\":\"t/1\",\"v\":2}}"));
        Assert.Equal(new PublishMessageJson("t/1", "{\"topic\":\"t/1\",\"v\":2}"), EventBusTranslator.TryParseCommand(envelope, out _));
    }

    [Theory]
    [InlineData("{\"message\":{}}")]
    [InlineData("{\"message\":{\"topic\":5}}")]
    [InlineData("[1]")]
    [InlineData("\"not json\"")]
    public void TryParseCommand_BadMessageContent_NullWithReason(string json)
    {
        var envelope = new MessageEnvelope(Header, new MessageRoute("x", Groups.User, EventBusTopics.MessageOperation, string.Empty),
            MessageContent.FromJson(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.Null(EventBusTranslator.TryParseCommand(envelope, out var reason));
        Assert.NotNull(reason);
    }

    [Fact]
    public void TryParseCommand_UnknownOperationOrNoTopic_NullWithReason()
    {
        var unknown = new MessageEnvelope(Header, new MessageRoute("x", Groups.Bus, Operations.Delete, "a"), MessageContent.Null);
        var noTopic = new MessageEnvelope(Header, new MessageRoute("x", Groups.Bus, Operations.Subscribe, string.Empty), MessageContent.Null);
        Assert.Null(EventBusTranslator.TryParseCommand(unknown, out var r1));
        Assert.Null(EventBusTranslator.TryParseCommand(noTopic, out var r2));
        Assert.Contains("delete", r1, StringComparison.Ordinal);
        Assert.Contains("topic", r2, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultTopics_AreKubeEdgesSet()
    {
        Assert.Equal(
            ["$hw/events/upload/#", "$hw/events/device/+/+/state/update", "$hw/events/device/+/+/twin/+", "$hw/events/node/+/membership/get", "SYS/dis/upload_records", "+/user/#"],
            EventBusTopics.Default.ToArray());
    }
}
