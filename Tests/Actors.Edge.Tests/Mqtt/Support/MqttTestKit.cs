using System.Net;
using System.Net.Sockets;
using System.Text;
using Actors.Edge.Modules.EventBus.Mqtt.Broker;
using Actors.Edge.Modules.EventBus.Mqtt.Client;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Tests.Mqtt.Support;

/// <summary>Helpers shared by the MQTT integration tests: brokers on port 0, clients, deadline-bound waits.</summary>
internal static class MqttTestKit
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    /// <summary>Starts a broker on 127.0.0.1:<paramref name="port"/> (0: a free port), ignoring options.Listen.</summary>
    public static async Task<MqttBroker> StartBrokerAsync(MqttBrokerOptions? options = null, int port = 0)
    {
        var broker = new MqttBroker((options ?? new MqttBrokerOptions()) with { Listen = new IPEndPoint(IPAddress.Loopback, port) });
        await broker.StartAsync();
        return broker;
    }

    public static MqttClientOptions ClientOptions(int port, string clientId) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        ClientId = clientId,
        ReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
    };

    public static async Task<MqttClient> ConnectAsync(MqttClientOptions options)
    {
        var client = new MqttClient(options);
        await client.ConnectAsync().WaitAsync(Deadline);
        return client;
    }

    public static Task<MqttClient> ConnectAsync(int port, string clientId) => ConnectAsync(ClientOptions(port, clientId));

    public static async Task<MqttApplicationMessage> ReceiveAsync(this MqttClient client, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Deadline);
        return await client.Messages.ReadAsync(cts.Token);
    }

    public static string Text(this MqttApplicationMessage message) => Encoding.UTF8.GetString(message.Payload.Span);

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Polls <paramref name="condition"/> until true or the deadline passes (then fails).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Deadline);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("timed out waiting for " + what);
            }

            await Task.Yield();
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Publishes a marker message on <paramref name="topic"/> and returns every message received before it:
    /// proves what was NOT delivered without waiting for a fixed time.
    /// </summary>
    public static async Task<List<MqttApplicationMessage>> DrainUntilMarkerAsync(MqttClient subscriber, MqttClient publisher, string topic)
    {
        var marker = "marker-" + Guid.NewGuid().ToString("N");
        await publisher.PublishAsync(topic, Bytes(marker), MqttQos.AtLeastOnce);
        var before = new List<MqttApplicationMessage>();
        while (true)
        {
            var message = await subscriber.ReceiveAsync();
            if (message.Topic == topic && message.Text() == marker)
            {
                return before;
            }

            before.Add(message);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<Socket> RawConnectAsync(int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port).WaitAsync(Deadline);
        return socket;
    }

    public static async Task SendAsync(this Socket socket, MqttPacket packet) =>
        await socket.SendAsync(MqttEncoder.ToArray(packet));

    /// <summary>Reads until the peer closes; returns everything received. Fails after the deadline.</summary>
    public static async Task<byte[]> ReadUntilClosedAsync(this Socket socket, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? Deadline);
        var received = new List<byte>();
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                if (n == 0)
                {
                    return [.. received];
                }

                received.AddRange(buffer.AsSpan(0, n).ToArray());
            }
        }
        catch (SocketException)
        {
            return [.. received];
        }
        catch (OperationCanceledException)
        {
            Assert.Fail("the broker did not close the connection within the deadline");
            throw;
        }
    }

    /// <summary>Reads exactly one packet (fails after the deadline).</summary>
    public static async Task<MqttPacket> ReadPacketAsync(this Socket socket)
    {
        using var cts = new CancellationTokenSource(Deadline);
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var sequence = new System.Buffers.ReadOnlySequence<byte>(received.ToArray());
            if (MqttDecoder.TryDecode(ref sequence, 1 << 20, out var packet))
            {
                return packet!;
            }

            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            Assert.True(n > 0, "the connection closed before a whole packet arrived");
            received.AddRange(buffer.AsSpan(0, n).ToArray());
        }
    }
}
