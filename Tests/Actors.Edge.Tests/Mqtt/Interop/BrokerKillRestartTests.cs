using System.Collections.Concurrent;
using System.Globalization;
using Actors.Edge.Modules.EventBus.Mqtt.Client;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Edge.Tests.Mqtt.Support;
using static Actors.Edge.Tests.Mqtt.Support.MqttTestKit;

namespace Actors.Edge.Tests.Mqtt.Interop;

/// <summary>
/// The broker is SIGKILLed mid-stream and started again on the same port; our clients (persistent sessions, QoS 1)
/// reconnect by themselves. Every message the publisher had not got a PUBACK for when the broker died is resent and
/// must reach the subscriber, and so must everything published after the restart. Our broker commits a message for a
/// persistent session before it acknowledges it, so nothing it acknowledged may be lost either (asserted); mosquitto
/// saves on its own schedule, so what it acknowledged but had not saved is reported, not asserted. The publisher is
/// held back (through a gated relay) until the subscriber is known to be subscribed after the restart.
/// </summary>
public sealed class BrokerKillRestartTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Total = 600;

    [Fact]
    public async Task EdgecoreBroker_KilledAndRestarted_NoMessageLost()
    {
        using var broker = RestartableBroker.Edgecore();
        var lost = await RunAsync(broker, output);
        Assert.Equal(0, lost);
    }

    [Fact]
    public async Task Mosquitto_KilledAndRestartedWithPersistence_NoUnacknowledgedMessageLost()
    {
        using var broker = RestartableBroker.Mosquitto();
        await RunAsync(broker, output);
    }

    private static async Task<int> RunAsync(RestartableBroker broker, Xunit.Abstractions.ITestOutputHelper output)
    {
        await broker.StartAsync();
        using var gate = new GatedTcpProxy(broker.Port);
        var received = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        await using var subscriber = await ConnectAsync(ClientOptions(broker.Port, "kill-sub") with { CleanSession = false });
        await subscriber.SubscribeAsync("kill/#", MqttQos.AtLeastOnce).WaitAsync(Deadline);
        var reader = Task.Run(async () =>
        {
            await foreach (var m in subscriber.Messages.ReadAllAsync())
            {
                received.AddOrUpdate(m.Text(), 1, (_, n) => n + 1);
            }
        });
        await using var publisher = await ConnectAsync(ClientOptions(gate.Port, "kill-pub") with { CleanSession = false });
        var ackedBeforeKill = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var killed = 0;
        var pending = new List<Task>();

        // Traffic is flowing when the broker freezes; the next third is sent to the frozen broker (never acknowledged).
        pending.AddRange(Enumerable.Range(0, Total / 3).Select(i => Publish(publisher, i, ackedBeforeKill, () => Volatile.Read(ref killed) == 1)));
        await WaitUntilAsync(() => received.Count >= Total / 12, "traffic before the kill", TimeSpan.FromSeconds(60));
        await broker.FreezeAsync();
        pending.AddRange(Enumerable.Range(Total / 3, Total / 3).Select(i => Publish(publisher, i, ackedBeforeKill, () => Volatile.Read(ref killed) == 1)));
        gate.Close();
        broker.Kill();
        await WaitUntilAsync(() => !publisher.IsConnected, "the publisher to notice the kill", TimeSpan.FromSeconds(30));
        Volatile.Write(ref killed, 1);
        await broker.StartAsync();

        await using (var probe = await ConnectAsync(broker.Port, "kill-probe"))
        {
            var round = 0;
            await WaitUntilAsync(
                () =>
                {
                    probe.PublishAsync("kill/probe", Bytes("probe-" + round++), MqttQos.AtLeastOnce).Wait(Deadline);
                    return received.Keys.Any(k => k.StartsWith("probe-", StringComparison.Ordinal));
                },
                "the subscriber to be subscribed again after the restart",
                TimeSpan.FromSeconds(60));
        }

        gate.Open();
        pending.AddRange(Enumerable.Range(2 * Total / 3, Total - (2 * Total / 3)).Select(i => Publish(publisher, i, ackedBeforeKill, () => Volatile.Read(ref killed) == 1)));
        await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(90));
        var mustArrive = Enumerable.Range(0, Total).Select(Name).Where(n => !ackedBeforeKill.ContainsKey(n)).ToList();
        await WaitUntilAsync(() => mustArrive.All(received.ContainsKey), "every message not acknowledged before the kill", TimeSpan.FromSeconds(60));

        Assert.True(publisher.ConnectCount >= 2 && subscriber.ConnectCount >= 2, "both clients reconnected: publisher " + publisher.ConnectCount + ", subscriber " + subscriber.ConnectCount);
        Assert.True(mustArrive.Count > 0, "some messages were unacknowledged at the kill or published after it");
        var lostNames = Enumerable.Range(0, Total).Select(Name).Where(n => !received.ContainsKey(n)).ToList();
        var lost = lostNames.Count;
        Assert.All(lostNames, n => Assert.True(ackedBeforeKill.ContainsKey(n), n + " was lost though not acknowledged before the kill"));
        output.WriteLine(broker.Name + ": acked before the kill: " + ackedBeforeKill.Count + ", had to arrive: " + mustArrive.Count + ", lost (all acked before the kill): " + lost);
        Assert.True(lost <= ackedBeforeKill.Count, "only messages acknowledged by the killed broker may be missing (" + lost.ToString(CultureInfo.InvariantCulture) + ")");
        await subscriber.DisposeAsync();
        await reader;
        return lost;
    }

    private static string Name(int i) => "m-" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>QoS 1; records whether the PUBACK came from the broker that was then killed.</summary>
    private static Task Publish(MqttClient publisher, int i, ConcurrentDictionary<string, bool> ackedBeforeKill, Func<bool> killed)
    {
        var name = Name(i);
        return publisher.PublishAsync("kill/data", Bytes(name), MqttQos.AtLeastOnce).ContinueWith(
            t =>
            {
                Assert.True(t.IsCompletedSuccessfully, name + ": " + t.Exception?.GetBaseException().Message);
                if (!killed())
                {
                    ackedBeforeKill[name] = true;
                }
            },
            TaskScheduler.Default);
    }
}
