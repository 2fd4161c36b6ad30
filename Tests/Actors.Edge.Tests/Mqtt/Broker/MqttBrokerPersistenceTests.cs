using System.Net;
using Actors.Edge.Modules.EventBus.Mqtt.Broker;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Edge.Tests.Mqtt.Support;
using Microsoft.Data.Sqlite;
using static Actors.Edge.Tests.Mqtt.Support.MqttTestKit;

namespace Actors.Edge.Tests.Mqtt.Broker;

/// <summary>A broker with a store: persistent sessions, their undelivered messages and retained messages survive a restart.</summary>
public sealed class MqttBrokerPersistenceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mqtt-store-").FullName;

    private string StorePath => Path.Combine(_dir, "mqtt-broker.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Restart_OfflinePersistentSubscriber_GetsEveryAcknowledgedMessageAndRetained()
    {
        var port = FreePort();
        await using (var first = await StartAsync(port))
        {
            await using (var subscriber = await ConnectAsync(ClientOptions(port, "sub") with { CleanSession = false }))
            {
                await subscriber.SubscribeAsync("data/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
            }

            await using var publisher = await ConnectAsync(port, "pub");
            for (var i = 0; i < 20; i++)
            {
                await publisher.PublishAsync("data/" + i, Bytes("m-" + i), MqttQos.AtLeastOnce).WaitAsync(Deadline);
            }

            await publisher.PublishAsync("state", Bytes("retained-1"), MqttQos.AtLeastOnce, retain: true).WaitAsync(Deadline);
        }

        await using var second = await StartAsync(port);
        await using var again = await ConnectAsync(ClientOptions(port, "sub") with { CleanSession = false });
        var received = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            received.Add((await again.ReceiveAsync()).Text());
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => "m-" + i), received);
        await using var late = await ConnectAsync(port, "late");
        await late.SubscribeAsync("state", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        var retained = await late.ReceiveAsync();
        Assert.Equal(("retained-1", true), (retained.Text(), retained.Retain));
    }

    [Fact]
    public async Task Restart_MessagesAlreadyAcknowledgedBySubscriber_NotDeliveredAgain()
    {
        var port = FreePort();
        await using (var first = await StartAsync(port))
        {
            await using var subscriber = await ConnectAsync(ClientOptions(port, "sub") with { CleanSession = false });
            await subscriber.SubscribeAsync("data/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
            await using var publisher = await ConnectAsync(port, "pub");
            await publisher.PublishAsync("data/x", Bytes("once"), MqttQos.AtLeastOnce).WaitAsync(Deadline);
            Assert.Equal("once", (await subscriber.ReceiveAsync()).Text());
            await WaitUntilAsync(() => first.QueuedFor("sub") == 0, "the subscriber's PUBACK");
        }

        await using var second = await StartAsync(port);
        await using var again = await ConnectAsync(ClientOptions(port, "sub") with { CleanSession = false });
        await using var publisher2 = await ConnectAsync(port, "pub2");
        await publisher2.PublishAsync("data/y", Bytes("after"), MqttQos.AtLeastOnce).WaitAsync(Deadline);
        Assert.Equal("after", (await again.ReceiveAsync()).Text());
    }

    [Fact]
    public async Task CleanSession_TakesOverStoredSession_StoredMessagesDropped()
    {
        var port = FreePort();
        await using (var first = await StartAsync(port))
        {
            await using (var subscriber = await ConnectAsync(ClientOptions(port, "sub") with { CleanSession = false }))
            {
                await subscriber.SubscribeAsync("data/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
            }

            await using var publisher = await ConnectAsync(port, "pub");
            await publisher.PublishAsync("data/x", Bytes("stale"), MqttQos.AtLeastOnce).WaitAsync(Deadline);
            await using var clean = await ConnectAsync(ClientOptions(port, "sub") with { CleanSession = true });
        }

        await using var second = await StartAsync(port);
        Assert.Equal(-1, second.QueuedFor("sub"));
    }

    private async Task<MqttBroker> StartAsync(int port)
    {
        var broker = new MqttBroker(new MqttBrokerOptions { Listen = new IPEndPoint(IPAddress.Loopback, port), StorePath = StorePath });
        await broker.StartAsync();
        return broker;
    }
}
