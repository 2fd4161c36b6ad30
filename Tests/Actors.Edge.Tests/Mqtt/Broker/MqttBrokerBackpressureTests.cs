using Actors.Edge.Modules.EventBus.Mqtt.Broker;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Edge.Tests.Mqtt.Support;
using static Actors.Edge.Tests.Mqtt.Support.MqttTestKit;

namespace Actors.Edge.Tests.Mqtt.Broker;

public sealed class MqttBrokerBackpressureTests
{
    [Fact]
    public async Task StalledQos0Subscriber_QueueFull_DropsForItOnlyAndOthersReceiveAll()
    {
        await using var broker = await StartBrokerAsync(new MqttBrokerOptions { MaxOutgoingQueue = 8 });
        var port = broker.LocalEndPoint.Port;

        // A subscriber that never reads its socket.
        using var stalled = await RawConnectAsync(port);
        await stalled.SendAsync(new ConnectPacket("stalled", true, 0));
        Assert.IsType<ConnAckPacket>(await stalled.ReadPacketAsync());
        await stalled.SendAsync(new SubscribePacket(1, [new TopicSubscription("flood", MqttQos.AtMostOnce)]));
        Assert.IsType<SubAckPacket>(await stalled.ReadPacketAsync());

        await using var healthy = await ConnectAsync(port, "healthy");
        await healthy.SubscribeAsync("flood", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        await using var publisher = await ConnectAsync(port, "publisher");
        var payload = new byte[64 * 1024];
        const int count = 300; // ~19 MB: far more than the stalled socket's buffers
        for (var i = 0; i < count; i++)
        {
            await publisher.PublishAsync("flood", payload, MqttQos.AtLeastOnce).WaitAsync(Deadline);
        }

        for (var i = 0; i < count; i++)
        {
            Assert.Equal(payload.Length, (await healthy.ReceiveAsync()).Payload.Length);
        }

        Assert.True(broker.DroppedQos0Messages > 0, "the stalled subscriber's QoS 0 deliveries were dropped");
    }

    [Fact]
    public async Task PersistentSession_OfflineQueueBound_KeepsOldestAndDropsNewer()
    {
        await using var broker = await StartBrokerAsync(new MqttBrokerOptions { MaxQueuedMessagesPerSession = 3 });
        var port = broker.LocalEndPoint.Port;
        var options = ClientOptions(port, "bounded") with { CleanSession = false };
        await using (var first = await ConnectAsync(options))
        {
            await first.SubscribeAsync("b/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
            await first.DisconnectAsync();
        }

        await using (var publisher = await ConnectAsync(port, "pub"))
        {
            for (var i = 0; i < 5; i++)
            {
                await publisher.PublishAsync("b/" + i, Bytes("m" + i), MqttQos.AtLeastOnce).WaitAsync(Deadline);
            }
        }

        Assert.Equal(3, broker.QueuedFor("bounded"));
        await using var again = await ConnectAsync(options);
        var received = new[] { await again.ReceiveAsync(), await again.ReceiveAsync(), await again.ReceiveAsync() };
        Assert.Equal(["m0", "m1", "m2"], received.Select(m => m.Text()));

        // Once the three are acknowledged the session has room again; the marker proves m3 and m4 are gone.
        await WaitUntilAsync(() => broker.QueuedFor("bounded") == 0, "the PUBACKs of the queued messages");
        await using var marker = await ConnectAsync(port, "marker");
        Assert.Empty(await DrainUntilMarkerAsync(again, marker, "b/marker"));
    }
}
