using System.Globalization;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Edge.Tests.Mqtt.Support;
using static Actors.Edge.Tests.Mqtt.Support.MqttTestKit;

namespace Actors.Edge.Tests.Mqtt.Interop;

/// <summary>The real mosquitto_pub / mosquitto_sub (third-party clients) against our broker.</summary>
public sealed class MosquittoClientsAgainstOurBrokerTests
{
    private static readonly TimeSpan ProcessDeadline = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task MosquittoPubSub_Qos_MessageDelivered(int qos)
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture);
        var q = qos.ToString(CultureInfo.InvariantCulture);
        using var sub = ExternalProcess.StartLineBuffered("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-t", "dev/+/temp", "-q", q, "-v", "-d", "-C", "1", "-i", "msub");
        await sub.WaitForLineAsync(l => l.Contains("SUBACK", StringComparison.Ordinal), "mosquitto_sub's SUBACK", ProcessDeadline);

        using var pub = ExternalProcess.Start("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-t", "dev/42/temp", "-m", "21.5", "-q", q, "-i", "mpub");
        Assert.Equal(0, await pub.WaitForExitAsync(ProcessDeadline));

        await sub.WaitForLineAsync(l => l == "dev/42/temp 21.5", "the message at mosquitto_sub", ProcessDeadline);
        Assert.Equal(0, await sub.WaitForExitAsync(ProcessDeadline));
    }

    [Fact]
    public async Task MosquittoPub_Retained_NewMosquittoSubGetsIt()
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture);
        using (var pub = ExternalProcess.Start("mosquitto_pub", "-h", "127.0.0.1", "-p", port, "-t", "state/door", "-m", "open", "-r", "-q", "1"))
        {
            Assert.Equal(0, await pub.WaitForExitAsync(ProcessDeadline));
        }

        using var sub = ExternalProcess.StartLineBuffered("mosquitto_sub", "-h", "127.0.0.1", "-p", port, "-t", "state/#", "-v", "-C", "1", "-q", "1");
        await sub.WaitForLineAsync(l => l == "state/door open", "the retained message", ProcessDeadline);
        Assert.Equal(1, broker.RetainedCount);
    }

    [Fact]
    public async Task MosquittoSub_KilledWithWill_OurClientReceivesWill()
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        await using var watcher = await ConnectAsync(port, "watcher");
        await watcher.SubscribeAsync("status/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        using var sub = ExternalProcess.StartLineBuffered(
            "mosquitto_sub", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-t", "x", "-d", "-i", "mapper-1",
            "--will-topic", "status/mapper-1", "--will-payload", "offline", "--will-qos", "1");
        await sub.WaitForLineAsync(l => l.Contains("SUBACK", StringComparison.Ordinal), "mosquitto_sub's SUBACK", ProcessDeadline);

        sub.Kill();

        var will = await watcher.ReceiveAsync(ProcessDeadline);
        Assert.Equal(("status/mapper-1", "offline"), (will.Topic, will.Text()));
    }

    [Fact]
    public async Task MosquittoSub_BrokerRestarted_ReconnectsAndReceives()
    {
        var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        try
        {
            using var sub = ExternalProcess.StartLineBuffered("mosquitto_sub", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-t", "r/#", "-q", "1", "-v", "-d", "-i", "resub");
            await sub.WaitForLineAsync(l => l.Contains("SUBACK", StringComparison.Ordinal), "the first SUBACK", ProcessDeadline);

            await broker.DisposeAsync();
            broker = await StartBrokerAsync(port: port);
            await sub.WaitForLineAsync(l => l.Contains("SUBACK", StringComparison.Ordinal), "a SUBACK after mosquitto_sub reconnected", TimeSpan.FromSeconds(30));

            await using var publisher = await ConnectAsync(port, "pub");
            await publisher.PublishAsync("r/after", Bytes("back"), MqttQos.AtLeastOnce).WaitAsync(Deadline);
            await sub.WaitForLineAsync(l => l == "r/after back", "the message after the restart", ProcessDeadline);
        }
        finally
        {
            await broker.DisposeAsync();
        }
    }

    [Fact]
    public async Task OurClientPublishes_MosquittoSubWildcard_ReceivesAll()
    {
        await using var broker = await StartBrokerAsync();
        var port = broker.LocalEndPoint.Port;
        using var sub = ExternalProcess.StartLineBuffered("mosquitto_sub", "-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-t", "w/#", "-q", "2", "-v", "-d", "-C", "3");
        await sub.WaitForLineAsync(l => l.Contains("SUBACK", StringComparison.Ordinal), "mosquitto_sub's SUBACK", ProcessDeadline);
        await using var publisher = await ConnectAsync(port, "pub");
        await publisher.PublishAsync("w", Bytes("parent"), MqttQos.ExactlyOnce).WaitAsync(Deadline);
        await publisher.PublishAsync("w/a/b", Bytes("deep"), MqttQos.AtLeastOnce).WaitAsync(Deadline);
        await publisher.PublishAsync("other", Bytes("no"), MqttQos.AtLeastOnce).WaitAsync(Deadline);
        await publisher.PublishAsync("w/c", Bytes("zero"), MqttQos.AtMostOnce).WaitAsync(Deadline);

        Assert.Equal(0, await sub.WaitForExitAsync(ProcessDeadline));
        var messages = sub.Seen.Where(l => !l.StartsWith("Client ", StringComparison.Ordinal)).ToList();
        // libmosquitto hands a QoS 2 message to the application on PUBREL, so order across QoS levels may differ.
        Assert.Equal(["w parent", "w/a/b deep", "w/c zero"], messages.Where(l => !l.StartsWith("Subscribed", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}
