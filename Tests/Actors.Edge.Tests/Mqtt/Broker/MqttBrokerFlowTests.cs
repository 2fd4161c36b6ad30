using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Edge.Tests.Mqtt.Support;
using static Actors.Edge.Tests.Mqtt.Support.MqttTestKit;

namespace Actors.Edge.Tests.Mqtt.Broker;

/// <summary>Our client against our broker, in process, on port 0.</summary>
public sealed class MqttBrokerFlowTests
{
    [Theory]
    [InlineData(MqttQos.AtMostOnce, MqttQos.AtMostOnce, MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtLeastOnce, MqttQos.AtLeastOnce, MqttQos.AtLeastOnce)]
    [InlineData(MqttQos.ExactlyOnce, MqttQos.ExactlyOnce, MqttQos.ExactlyOnce)]
    [InlineData(MqttQos.ExactlyOnce, MqttQos.AtLeastOnce, MqttQos.AtLeastOnce)]
    [InlineData(MqttQos.AtLeastOnce, MqttQos.ExactlyOnce, MqttQos.AtLeastOnce)]
    public async Task Publish_QosCombination_DeliveredAtMinimumQos(MqttQos publishQos, MqttQos subscribeQos, MqttQos expected)
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        await using var subscriber = await ConnectAsync(port, "sub");
        await using var publisher = await ConnectAsync(port, "pub");
        var granted = await subscriber.SubscribeAsync("a/+/c", subscribeQos).WaitAsync(Deadline);
        Assert.Equal([(byte)subscribeQos], granted);

        await publisher.PublishAsync("a/b/c", Bytes("hello"), publishQos).WaitAsync(Deadline);

        var message = await subscriber.ReceiveAsync();
        Assert.Equal(("a/b/c", "hello", expected, false), (message.Topic, message.Text(), message.Qos, message.Retain));
    }

    [Fact]
    public async Task Publish_ManyQos2Messages_EachDeliveredOnceInOrder()
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        await using var subscriber = await ConnectAsync(port, "sub");
        await using var publisher = await ConnectAsync(port, "pub");
        await subscriber.SubscribeAsync("q/#", MqttQos.ExactlyOnce).WaitAsync(Deadline);

        await Task.WhenAll(Enumerable.Range(0, 300).Select(i => publisher.PublishAsync("q/x", Bytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), MqttQos.ExactlyOnce))).WaitAsync(Deadline);

        for (var i = 0; i < 300; i++)
        {
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), (await subscriber.ReceiveAsync()).Text());
        }

        Assert.Equal(0, publisher.PendingCount);
    }

    [Fact]
    public async Task Retained_SetReplaceClear_NewSubscribersSeeLatestOrNothing()
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        await using var publisher = await ConnectAsync(port, "pub");
        await publisher.PublishAsync("r/1", Bytes("v1"), MqttQos.AtLeastOnce, retain: true).WaitAsync(Deadline);
        await publisher.PublishAsync("r/1", Bytes("v2"), MqttQos.AtLeastOnce, retain: true).WaitAsync(Deadline);

        await using (var first = await ConnectAsync(port, "first"))
        {
            await first.SubscribeAsync("r/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
            var retained = await first.ReceiveAsync();
            Assert.Equal(("r/1", "v2", true), (retained.Topic, retained.Text(), retained.Retain));
        }

        await publisher.PublishAsync("r/1", ReadOnlyMemory<byte>.Empty, MqttQos.AtLeastOnce, retain: true).WaitAsync(Deadline);
        Assert.Equal(0, broker.RetainedCount);
        await using var second = await ConnectAsync(port, "second");
        await second.SubscribeAsync("r/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        Assert.Empty(await DrainUntilMarkerAsync(second, publisher, "r/marker"));
    }

    [Fact]
    public async Task Wildcards_DollarTopics_NotMatchedByRootWildcards()
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        await using var publisher = await ConnectAsync(port, "pub");
        await using var all = await ConnectAsync(port, "all");
        await using var sys = await ConnectAsync(port, "sys");
        await all.SubscribeAsync([new TopicSubscription("#", MqttQos.AtLeastOnce), new TopicSubscription("+/x", MqttQos.AtLeastOnce)]).WaitAsync(Deadline);
        await sys.SubscribeAsync("$SYS/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);

        await publisher.PublishAsync("$SYS/x", Bytes("sys"), MqttQos.AtLeastOnce).WaitAsync(Deadline);
        await publisher.PublishAsync("a/x", Bytes("a"), MqttQos.AtLeastOnce).WaitAsync(Deadline);

        Assert.Equal("sys", (await sys.ReceiveAsync()).Text());
        var seen = await DrainUntilMarkerAsync(all, publisher, "m");
        Assert.Equal(["a/x"], seen.Select(m => m.Topic)); // once, despite two matching filters
    }

    [Fact]
    public async Task PersistentSession_OfflineQos1Messages_DeliveredAfterReconnect()
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        var options = ClientOptions(port, "durable") with { CleanSession = false };
        await using (var first = await ConnectAsync(options))
        {
            await first.SubscribeAsync("d/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
            await first.DisconnectAsync();
        }

        await using (var publisher = await ConnectAsync(port, "pub"))
        {
            await publisher.PublishAsync("d/1", Bytes("one"), MqttQos.AtLeastOnce).WaitAsync(Deadline);
            await publisher.PublishAsync("d/2", Bytes("two"), MqttQos.ExactlyOnce).WaitAsync(Deadline);
            await publisher.PublishAsync("d/3", Bytes("zero"), MqttQos.AtMostOnce).WaitAsync(Deadline);
        }

        await using var again = new Modules.EventBus.Mqtt.Client.MqttClient(options);
        Assert.True(await again.ConnectAsync().WaitAsync(Deadline));
        Assert.Equal("one", (await again.ReceiveAsync()).Text());
        Assert.Equal("two", (await again.ReceiveAsync()).Text());
    }

    [Fact]
    public async Task CleanSession_Reconnect_SessionNotPresent()
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        await using (var first = await ConnectAsync(port, "c"))
        {
            await first.SubscribeAsync("x", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        }

        await using var again = new Modules.EventBus.Mqtt.Client.MqttClient(ClientOptions(port, "c"));
        Assert.False(await again.ConnectAsync().WaitAsync(Deadline));
    }

    [Fact]
    public async Task Unsubscribe_ThenPublish_NotDelivered()
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        await using var client = await ConnectAsync(port, "u");
        await client.SubscribeAsync("u/1", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        await client.SubscribeAsync("m", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        await client.UnsubscribeAsync(["u/1"]).WaitAsync(Deadline);
        await client.PublishAsync("u/1", Bytes("gone"), MqttQos.AtLeastOnce).WaitAsync(Deadline);
        Assert.Empty(await DrainUntilMarkerAsync(client, client, "m"));
    }

    [Fact]
    public async Task Subscribe_InvalidFilter_FailureReturnCodeAndConnectionKept()
    {
        await using var broker = await StartBrokerAsync();
        using var socket = await RawConnectAsync(broker.LocalEndPoint.Port);
        await socket.SendAsync(new ConnectPacket("raw", true, 0));
        Assert.IsType<ConnAckPacket>(await socket.ReadPacketAsync());
        await socket.SendAsync(new SubscribePacket(1, [new TopicSubscription("a/#/b", MqttQos.AtMostOnce), new TopicSubscription("ok", MqttQos.ExactlyOnce)]));
        var ack = Assert.IsType<SubAckPacket>(await socket.ReadPacketAsync());
        Assert.Equal(new byte[] { 0x80, 2 }, ack.ReturnCodes);
        await socket.SendAsync(PingReqPacket.Instance);
        Assert.IsType<PingRespPacket>(await socket.ReadPacketAsync());
    }
}
