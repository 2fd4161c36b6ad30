using System.Net.Sockets;
using Actors.Edge.Modules.EventBus.Mqtt.Broker;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Edge.Tests.Mqtt.Support;
using static Actors.Edge.Tests.Mqtt.Support.MqttTestKit;

namespace Actors.Edge.Tests.Mqtt.Broker;

/// <summary>Raw sockets send bad bytes: that connection is closed, everyone else keeps being served.</summary>
public sealed class MqttBrokerMalformedInputTests
{
    public static TheoryData<string, byte[]> AfterConnect => new()
    {
        { "garbage", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF] },
        { "reserved type 0", [0x00, 0x00] },
        { "invalid UTF-8 topic", [0x30, 0x05, 0x00, 0x02, 0xC3, 0x28, 0x41] },
        { "U+0000 in topic", [0x30, 0x05, 0x00, 0x02, 0x61, 0x00, 0x41] },
        { "wildcard in PUBLISH topic", [0x32, 0x07, 0x00, 0x03, 0x61, 0x2F, 0x23, 0x00, 0x01] },
        { "PUBLISH QoS 3", [0x36, 0x05, 0x00, 0x01, 0x61, 0x00, 0x01] },
        { "truncated body then close", [0x30, 0x10, 0x00, 0x0E, 0x61] },
        { "oversized PUBLISH header", [0x30, 0xFF, 0xFF, 0x7F] },
        { "second CONNECT", [0x10, 0x0D, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x02, 0x00, 0x00, 0x00, 0x01, 0x61] },
        { "SUBACK from a client", [0x90, 0x03, 0x00, 0x01, 0x00] },
        { "SUBSCRIBE bad flags", [0x80, 0x06, 0x00, 0x01, 0x00, 0x01, 0x61, 0x00] },
    };

    [Theory]
    [MemberData(nameof(AfterConnect))]
    public async Task BadPacket_AfterConnect_ConnectionClosedOthersServed(string name, byte[] bytes)
    {
        await using var broker = await StartBrokerAsync(new MqttBrokerOptions { MaxPacketSize = 4096 });
        var port = broker.LocalEndPoint.Port;
        await using var healthy = await ConnectAsync(port, "healthy");
        await healthy.SubscribeAsync("ok/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        using var bad = await RawConnectAsync(port);
        await bad.SendAsync(new ConnectPacket("bad-" + name.Length, true, 0));
        Assert.IsType<ConnAckPacket>(await bad.ReadPacketAsync());

        await bad.SendAsync(bytes);
        if (name.StartsWith("truncated", StringComparison.Ordinal))
        {
            bad.Shutdown(SocketShutdown.Send);
        }

        await bad.ReadUntilClosedAsync();
        await healthy.PublishAsync("ok/1", Bytes(name), MqttQos.AtLeastOnce).WaitAsync(Deadline);
        Assert.Equal(name, (await healthy.ReceiveAsync()).Text());
    }

    [Fact]
    public async Task BadFirstPacket_NotConnect_ConnectionClosed()
    {
        await using var broker = await StartBrokerAsync();
        using var socket = await RawConnectAsync(broker.LocalEndPoint.Port);
        await socket.SendAsync(new PublishPacket("a", Bytes("x")));
        Assert.Empty(await socket.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task InvalidUtf8ClientId_ConnectionClosedWithoutConnAck()
    {
        await using var broker = await StartBrokerAsync();
        using var socket = await RawConnectAsync(broker.LocalEndPoint.Port);
        await socket.SendAsync(new byte[] { 0x10, 0x0D, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x02, 0x00, 0x00, 0x00, 0x01, 0xFF });
        Assert.Empty(await socket.ReadUntilClosedAsync());
    }

    [Fact]
    public async Task OversizedPacket_ClosedBeforeBodyIsSent()
    {
        await using var broker = await StartBrokerAsync(new MqttBrokerOptions { MaxPacketSize = 1024 });
        using var socket = await RawConnectAsync(broker.LocalEndPoint.Port);
        await socket.SendAsync(new ConnectPacket("big", true, 0));
        Assert.IsType<ConnAckPacket>(await socket.ReadPacketAsync());
        // Announce a 10 MB PUBLISH but send only its header: the broker must not wait for the body.
        await socket.SendAsync(new byte[] { 0x30, 0x80, 0xAD, 0xE2, 0x04 });
        await socket.ReadUntilClosedAsync();
    }

    [Fact]
    public async Task SilentConnection_NoConnect_ClosedAfterConnectTimeout()
    {
        await using var broker = await StartBrokerAsync(new MqttBrokerOptions { ConnectTimeout = TimeSpan.FromMilliseconds(300) });
        using var socket = await RawConnectAsync(broker.LocalEndPoint.Port);
        Assert.Empty(await socket.ReadUntilClosedAsync());
    }
}
