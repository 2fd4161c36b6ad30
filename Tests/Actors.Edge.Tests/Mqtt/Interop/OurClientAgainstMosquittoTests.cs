using Actors.Edge.Modules.EventBus.Mqtt.Client;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Edge.Tests.Mqtt.Support;
using static Actors.Edge.Tests.Mqtt.Support.MqttTestKit;

namespace Actors.Edge.Tests.Mqtt.Interop;

/// <summary>Our client against a real mosquitto broker started by the test.</summary>
public sealed class OurClientAgainstMosquittoTests
{
    [Theory]
    [InlineData(MqttQos.AtMostOnce)]
    [InlineData(MqttQos.AtLeastOnce)]
    [InlineData(MqttQos.ExactlyOnce)]
    public async Task PublishSubscribe_Qos_RoundTripsThroughMosquitto(MqttQos qos)
    {
        using var mosquitto = await MosquittoBroker.StartAsync();
        await using var subscriber = await ConnectAsync(mosquitto.Port, "sub");
        await using var publisher = await ConnectAsync(mosquitto.Port, "pub");
        Assert.Equal([(byte)qos], await subscriber.SubscribeAsync("edge/+/data", qos).WaitAsync(Deadline));

        for (var i = 0; i < 50; i++)
        {
            await publisher.PublishAsync("edge/dev/data", Bytes("m" + i), qos).WaitAsync(Deadline);
        }

        for (var i = 0; i < 50; i++)
        {
            var message = await subscriber.ReceiveAsync();
            Assert.Equal(("edge/dev/data", "m" + i, qos), (message.Topic, message.Text(), message.Qos));
        }
    }

    [Fact]
    public async Task PersistentSession_Mosquitto_QueuesWhileOffline()
    {
        using var mosquitto = await MosquittoBroker.StartAsync();
        var options = ClientOptions(mosquitto.Port, "durable") with { CleanSession = false };
        await using (var first = await ConnectAsync(options))
        {
            await first.SubscribeAsync("p/#", MqttQos.ExactlyOnce).WaitAsync(Deadline);
            await first.DisconnectAsync();
        }

        await using (var publisher = await ConnectAsync(mosquitto.Port, "pub"))
        {
            await publisher.PublishAsync("p/1", Bytes("one"), MqttQos.AtLeastOnce).WaitAsync(Deadline);
            await publisher.PublishAsync("p/2", Bytes("two"), MqttQos.ExactlyOnce).WaitAsync(Deadline);
        }

        await using var again = new MqttClient(options);
        Assert.True(await again.ConnectAsync().WaitAsync(Deadline));
        Assert.Equal("one", (await again.ReceiveAsync()).Text());
        Assert.Equal("two", (await again.ReceiveAsync()).Text());
    }

    [Fact]
    public async Task Retained_Mosquitto_DeliveredWithRetainFlag()
    {
        using var mosquitto = await MosquittoBroker.StartAsync();
        await using var publisher = await ConnectAsync(mosquitto.Port, "pub");
        await publisher.PublishAsync("cfg/a", Bytes("v"), MqttQos.AtLeastOnce, retain: true).WaitAsync(Deadline);
        await using var subscriber = await ConnectAsync(mosquitto.Port, "sub");
        await subscriber.SubscribeAsync("cfg/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        var message = await subscriber.ReceiveAsync();
        Assert.Equal(("cfg/a", "v", true), (message.Topic, message.Text(), message.Retain));
    }

    [Fact]
    public async Task Will_ClientConnectionDropped_MosquittoPublishesIt()
    {
        using var mosquitto = await MosquittoBroker.StartAsync();
        await using var watcher = await ConnectAsync(mosquitto.Port, "watcher");
        await watcher.SubscribeAsync("will/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        using (var socket = await RawConnectAsync(mosquitto.Port))
        {
            await socket.SendAsync(new ConnectPacket("dying", true, 0, Will: new MqttWill("will/dying", Bytes("bye"), MqttQos.AtLeastOnce, false)));
            Assert.IsType<ConnAckPacket>(await socket.ReadPacketAsync());
        }

        Assert.Equal("bye", (await watcher.ReceiveAsync()).Text());
    }
}
