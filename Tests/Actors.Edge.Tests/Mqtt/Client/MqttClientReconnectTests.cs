using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Actors.Edge.Modules.EventBus.Mqtt.Broker;
using Actors.Edge.Modules.EventBus.Mqtt.Client;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Edge.Tests.Mqtt.Support;
using static Actors.Edge.Tests.Mqtt.Support.MqttTestKit;

namespace Actors.Edge.Tests.Mqtt.Client;

public sealed class MqttClientReconnectTests
{
    [Fact]
    public async Task BrokerRestart_DuringQos1Traffic_NoMessageLost()
    {
        var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        await using var client = await ConnectAsync(ClientOptions(port, "survivor"));
        await client.SubscribeAsync("loop/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        const int total = 400;
        var received = new HashSet<int>();
        var receiver = Task.Run(async () =>
        {
            while (received.Count < total)
            {
                received.Add(int.Parse((await client.ReceiveAsync(TimeSpan.FromSeconds(60))).Text(), CultureInfo.InvariantCulture));
            }
        });
        var publishes = new List<Task>();
        for (var i = 0; i < total; i++)
        {
            publishes.Add(client.PublishAsync("loop/" + (i % 7), Bytes(i.ToString(CultureInfo.InvariantCulture)), i % 2 == 0 ? MqttQos.AtLeastOnce : MqttQos.ExactlyOnce));
            if (i == total / 2)
            {
                await broker.DisposeAsync().AsTask().WaitAsync(Deadline);
                Assert.False(publishes.All(p => p.IsCompleted) && received.Count == total);
                broker = await StartBrokerAsync(port: port);
            }
        }

        try
        {
            await Task.WhenAll(publishes).WaitAsync(TimeSpan.FromSeconds(60));
            await receiver.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(Enumerable.Range(0, total), received.Order());
            Assert.True(client.ConnectCount >= 2, "the client reconnected");
        }
        finally
        {
            await broker.DisposeAsync();
        }
    }

    [Fact]
    public async Task BrokerDown_Qos1PublishedWhileOffline_DeliveredAfterRestart()
    {
        var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        await using var client = await ConnectAsync(ClientOptions(port, "offline"));
        await client.SubscribeAsync("o", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        await broker.DisposeAsync();
        await WaitUntilAsync(() => !client.IsConnected, "the client to notice the broker is gone");

        var publish = client.PublishAsync("o", Bytes("queued"), MqttQos.AtLeastOnce);
        await Assert.ThrowsAsync<MqttClientException>(() => client.PublishAsync("o", Bytes("qos0"), MqttQos.AtMostOnce));
        Assert.False(publish.IsCompleted);

        await using var restarted = await StartBrokerAsync(port: port);
        await publish.WaitAsync(Deadline);
        Assert.Equal("queued", (await client.ReceiveAsync()).Text());
    }

    [Fact]
    public async Task KeepAlive_BrokerStopsAnswering_ClientDetectsAndReconnects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = new List<Socket>();
        var server = Task.Run(async () =>
        {
            // A broker that accepts CONNECT and then never answers PINGREQ.
            while (accepted.Count < 2)
            {
                var socket = await listener.AcceptSocketAsync();
                accepted.Add(socket);
                Assert.IsType<ConnectPacket>(await socket.ReadPacketAsync());
                await socket.SendAsync(new ConnAckPacket(false, ConnectReturnCode.Accepted));
            }
        });
        await using var client = await ConnectAsync(ClientOptions(port, "pinger") with { KeepAlive = TimeSpan.FromSeconds(1) });

        await server.WaitAsync(Deadline);
        await WaitUntilAsync(() => client.ConnectCount == 2, "a reconnect after the missing PINGRESP");
        foreach (var socket in accepted)
        {
            socket.Dispose();
        }
    }

    [Fact]
    public async Task KeepAlive_IdleConnection_SendsPingreqAndStaysConnected()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            Assert.IsType<ConnectPacket>(await socket.ReadPacketAsync());
            await socket.SendAsync(new ConnAckPacket(false, ConnectReturnCode.Accepted));
            for (var pings = 0; pings < 3; pings++)
            {
                Assert.IsType<PingReqPacket>(await socket.ReadPacketAsync());
                await socket.SendAsync(PingRespPacket.Instance);
            }
        });
        await using var client = await ConnectAsync(ClientOptions(port, "idle") with { KeepAlive = TimeSpan.FromSeconds(1) });

        await server.WaitAsync(Deadline);
        Assert.Equal(1, client.ConnectCount);
    }

    [Fact]
    public async Task Tls_SelfSignedBroker_ClientPinsCertificateAndExchanges()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var generated = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        using var certificate = X509CertificateLoader.LoadPkcs12(generated.Export(X509ContentType.Pfx), null);
        await using var broker = await StartBrokerAsync(new MqttBrokerOptions { ServerCertificate = certificate });
        var options = ClientOptions(broker.LocalEndPoint.Port, "tls") with
        {
            UseTls = true,
            TlsTargetHost = "localhost",
            TlsCertificateValidation = (_, cert, _, _) => cert is not null && cert.GetCertHashString() == certificate.GetCertHashString(),
        };
        await using var client = await ConnectAsync(options);
        await client.SubscribeAsync("secure", MqttQos.ExactlyOnce).WaitAsync(Deadline);
        await client.PublishAsync("secure", Bytes("over tls"), MqttQos.ExactlyOnce).WaitAsync(Deadline);
        Assert.Equal("over tls", (await client.ReceiveAsync()).Text());

        await using var plain = new MqttClient(ClientOptions(broker.LocalEndPoint.Port, "plain") with { ConnectTimeout = TimeSpan.FromSeconds(3) });
        await Assert.ThrowsAnyAsync<Exception>(() => plain.ConnectAsync());
    }

    [Fact]
    public async Task Publish_InvalidArguments_Rejected()
    {
        await using var broker = await StartBrokerAsync();
        await using var client = await ConnectAsync(ClientOptions(broker.LocalEndPoint.Port, "v") with { MaxPacketSize = 1024 });
        await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync("a/+", Bytes("x")));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PublishAsync("a", new byte[2048], MqttQos.AtLeastOnce));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SubscribeAsync("a/#/b", MqttQos.AtMostOnce));
    }
}
