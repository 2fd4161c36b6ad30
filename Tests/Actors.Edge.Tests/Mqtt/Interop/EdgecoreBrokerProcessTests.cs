using System.Globalization;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Edge.Tests.Mqtt.Support;
using static Actors.Edge.Tests.Mqtt.Support.MqttTestKit;

namespace Actors.Edge.Tests.Mqtt.Interop;

/// <summary>`edgecore broker` as a real process: serves mosquitto clients, stops cleanly on SIGTERM.</summary>
public sealed class EdgecoreBrokerProcessTests
{
    [Fact]
    public async Task EdgecoreBroker_ServesMosquittoClients_ExitsZeroOnSigterm()
    {
        var port = FreePort();
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var dll = Path.Combine(AppContext.BaseDirectory, "edgecore.dll");
        using var broker = ExternalProcess.Start("dotnet", dll, "broker", "--listen", "127.0.0.1:" + portText, "--max-connections", "10");
        await broker.WaitForLineAsync(l => l.Contains("listening on", StringComparison.Ordinal), "the broker to listen", TimeSpan.FromSeconds(30));

        using var sub = ExternalProcess.StartLineBuffered("mosquitto_sub", "-h", "127.0.0.1", "-p", portText, "-t", "cli/#", "-q", "1", "-v", "-d", "-C", "1");
        await sub.WaitForLineAsync(l => l.Contains("SUBACK", StringComparison.Ordinal), "mosquitto_sub's SUBACK", TimeSpan.FromSeconds(20));
        await using (var publisher = await ConnectAsync(port, "cli-pub"))
        {
            await publisher.PublishAsync("cli/x", Bytes("via edgecore"), MqttQos.AtLeastOnce).WaitAsync(Deadline);
        }

        await sub.WaitForLineAsync(l => l == "cli/x via edgecore", "the message", TimeSpan.FromSeconds(20));

        using (var kill = ExternalProcess.Start("kill", "-TERM", broker.Id.ToString(CultureInfo.InvariantCulture)))
        {
            Assert.Equal(0, await kill.WaitForExitAsync());
        }

        Assert.Equal(0, await broker.WaitForExitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task EdgecoreBroker_BadArguments_ExitCode2()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "edgecore.dll");
        using var broker = ExternalProcess.Start("dotnet", dll, "broker", "--listen", "not-an-endpoint");
        Assert.Equal(2, await broker.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(broker.Seen, l => l.Contains("--listen expects HOST:PORT", StringComparison.Ordinal));
    }
}
