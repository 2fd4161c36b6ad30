using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using static Actors.Edge.Tests.Mqtt.Support.MqttTestKit;

namespace Actors.Edge.Tests.Mqtt.Client;

/// <summary>The client's own maximum packet size applies to what the broker sends it.</summary>
public sealed class MqttClientMaxPacketTests
{
    [Fact]
    public async Task IncomingPublish_LargerThanClientMaximum_ConnectionDroppedThenLaterMessagesArrive()
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        await using var small = await ConnectAsync(ClientOptions(port, "small") with { MaxPacketSize = 1024 });
        await small.SubscribeAsync("size/#", MqttQos.AtMostOnce).WaitAsync(Deadline);
        await using var sender = await ConnectAsync(port, "sender");

        await sender.PublishAsync("size/big", new byte[4096], MqttQos.AtLeastOnce).WaitAsync(Deadline);
        await WaitUntilAsync(() => small.ConnectCount >= 2 && small.IsConnected, "the small client to drop the oversized packet's connection and reconnect");
        // The subscription is restored after the reconnect (clean session); publish until a small message arrives.
        var round = 0;
        await WaitUntilAsync(
            () =>
            {
                sender.PublishAsync("size/small", Bytes("ok-" + round++), MqttQos.AtLeastOnce).Wait(Deadline);
                return small.Messages.TryPeek(out _);
            },
            "a small message after the reconnect");

        var first = await small.ReceiveAsync();
        Assert.Equal("size/small", first.Topic);
    }
}
