using System.Net.Sockets;
using Actors.Edge.Modules.EventBus.Mqtt.Broker;
using Actors.Edge.Modules.EventBus.Mqtt.Client;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Edge.Tests.Mqtt.Support;
using static Actors.Edge.Tests.Mqtt.Support.MqttTestKit;

namespace Actors.Edge.Tests.Mqtt.Broker;

/// <summary>Connection-level behaviour: wills, keepalive, takeover, limits, credentials.</summary>
public sealed class MqttBrokerConnectionTests
{
    [Fact]
    public async Task Will_AbnormalDisconnect_Published()
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        await using var watcher = await ConnectAsync(port, "watcher");
        await watcher.SubscribeAsync("will/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        using (var socket = await RawConnectAsync(port))
        {
            await socket.SendAsync(new ConnectPacket("dying", true, 0, Will: new MqttWill("will/dying", Bytes("gone"), MqttQos.AtLeastOnce, false)));
            Assert.IsType<ConnAckPacket>(await socket.ReadPacketAsync());
        }

        var will = await watcher.ReceiveAsync();
        Assert.Equal(("will/dying", "gone"), (will.Topic, will.Text()));
    }

    [Fact]
    public async Task Will_CleanDisconnect_NotPublished()
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        await using var watcher = await ConnectAsync(port, "watcher");
        await watcher.SubscribeAsync("will/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        var polite = await ConnectAsync(ClientOptions(port, "polite") with { Will = new MqttWill("will/polite", Bytes("x"), MqttQos.AtLeastOnce, false) });
        await polite.DisposeAsync();
        await WaitUntilAsync(() => broker.ConnectionCount == 1, "the polite client to be gone");
        Assert.Empty(await DrainUntilMarkerAsync(watcher, watcher, "will/marker"));
    }

    [Fact]
    public async Task KeepAlive_SilentClient_ClosedAndWillPublished()
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        await using var watcher = await ConnectAsync(port, "watcher");
        await watcher.SubscribeAsync("will/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        using var socket = await RawConnectAsync(port);
        await socket.SendAsync(new ConnectPacket("silent", true, 1, Will: new MqttWill("will/silent", Bytes("timeout"), MqttQos.AtMostOnce, false)));
        Assert.IsType<ConnAckPacket>(await socket.ReadPacketAsync());

        await socket.ReadUntilClosedAsync();
        Assert.Equal("timeout", (await watcher.ReceiveAsync()).Text());
    }

    [Fact]
    public async Task SameClientId_SecondConnection_TakesOverAndClosesFirst()
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        using var first = await RawConnectAsync(port);
        await first.SendAsync(new ConnectPacket("twin", true, 0));
        Assert.IsType<ConnAckPacket>(await first.ReadPacketAsync());

        await using var second = await ConnectAsync(port, "twin");
        await first.ReadUntilClosedAsync();
        await second.SubscribeAsync("t", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        await second.PublishAsync("t", Bytes("still here"), MqttQos.AtLeastOnce).WaitAsync(Deadline);
        Assert.Equal("still here", (await second.ReceiveAsync()).Text());
    }

    [Fact]
    public async Task MaxConnections_Exceeded_ServerUnavailable()
    {
        await using var broker = await StartBrokerAsync(new MqttBrokerOptions { MaxConnections = 1 });
        var port = broker.LocalEndPoint.Port;
        await using var first = await ConnectAsync(port, "one");
        await using var second = new MqttClient(ClientOptions(port, "two"));
        var ex = await Assert.ThrowsAsync<MqttClientException>(() => second.ConnectAsync().WaitAsync(Deadline));
        Assert.Equal(ConnectReturnCode.ServerUnavailable, ex.ReturnCode);
        Assert.True(first.IsConnected);
    }

    [Fact]
    public async Task Credentials_WrongPassword_RefusedAndRightOneAccepted()
    {
        await using var broker = await StartBrokerAsync(new MqttBrokerOptions { Username = "edge", Password = "s3cret" });
        var port = broker.LocalEndPoint.Port;
        await using var wrong = new MqttClient(ClientOptions(port, "w") with { Username = "edge", Password = "nope" });
        var ex = await Assert.ThrowsAsync<MqttClientException>(() => wrong.ConnectAsync().WaitAsync(Deadline));
        Assert.Equal(ConnectReturnCode.BadUsernameOrPassword, ex.ReturnCode);
        await using var anonymous = new MqttClient(ClientOptions(port, "a"));
        Assert.Equal(ConnectReturnCode.BadUsernameOrPassword, (await Assert.ThrowsAsync<MqttClientException>(() => anonymous.ConnectAsync().WaitAsync(Deadline))).ReturnCode);
        await using var right = await ConnectAsync(ClientOptions(port, "r") with { Username = "edge", Password = "s3cret" });
        Assert.True(right.IsConnected);
    }

    [Fact]
    public async Task Connect_Mqtt5_RefusedWithUnacceptableProtocolVersion()
    {
        await using var broker = await StartBrokerAsync();
        using var socket = await RawConnectAsync(broker.LocalEndPoint.Port);
        byte[] connect5 = [0x10, 0x0E, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x05, 0x02, 0x00, 0x3C, 0x00, 0x00, 0x01, 0x61];
        await socket.SendAsync(connect5);
        var bytes = await socket.ReadUntilClosedAsync();
        Assert.Equal(new byte[] { 0x20, 0x02, 0x00, 0x01 }, bytes);
    }

    [Fact]
    public async Task Connect_EmptyIdPersistent_IdentifierRejected()
    {
        await using var broker = await StartBrokerAsync();
        using var socket = await RawConnectAsync(broker.LocalEndPoint.Port);
        await socket.SendAsync(new ConnectPacket(string.Empty, false, 0));
        Assert.Equal(new byte[] { 0x20, 0x02, 0x00, 0x02 }, await socket.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task Connect_EmptyIdClean_AcceptedWithAssignedId()
    {
        await using var broker = await StartBrokerAsync();
        await using var client = await ConnectAsync(broker.LocalEndPoint.Port, string.Empty);
        await client.SubscribeAsync("e", MqttQos.AtMostOnce).WaitAsync(Deadline);
        await client.PublishAsync("e", Bytes("anonymous"), MqttQos.AtLeastOnce).WaitAsync(Deadline);
        Assert.Equal("anonymous", (await client.ReceiveAsync()).Text());
    }

    [Fact]
    public async Task Stop_WithConnectedClients_CompletesAndClosesSockets()
    {
        var broker = await StartBrokerAsync();
        using var socket = await RawConnectAsync(broker.LocalEndPoint.Port);
        await socket.SendAsync(new ConnectPacket("s", true, 0));
        Assert.IsType<ConnAckPacket>(await socket.ReadPacketAsync());
        await broker.DisposeAsync().AsTask().WaitAsync(Deadline);
        await socket.ReadUntilClosedAsync();
        Assert.Equal(0, broker.ConnectionCount);
    }

    [Fact]
    public void Options_Invalid_ThrowClearErrors()
    {
        Assert.Throws<ArgumentException>(() => new MqttBrokerOptions { MaxConnections = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new MqttBrokerOptions { MaxPacketSize = 10 }.Validate());
        Assert.Throws<ArgumentException>(() => new MqttBrokerOptions { Username = "u" }.Validate());
        Assert.Throws<ArgumentException>(() => new MqttBrokerOptions { MaxQueuedMessagesPerSession = 70_000 }.Validate());
        Assert.Throws<ArgumentException>(() => new MqttClientOptions { ClientId = string.Empty, CleanSession = false }.Validate());
        Assert.Throws<ArgumentException>(() => new MqttClientOptions { ClientId = "c", Port = 0 }.Validate());
        Assert.Throws<ArgumentException>(() => new MqttClientOptions { ClientId = "c", Password = "p" }.Validate());
        Assert.Throws<ArgumentException>(() => new MqttClientOptions { ClientId = "c", Will = new MqttWill("a/#", Bytes("x"), MqttQos.AtMostOnce, false) }.Validate());
        Assert.NotNull(new MqttBrokerOptions().Validate());
    }
}
