using Actors.Cloud.Modules.CloudHub;
using Actors.Kernel.Diagnostics;

namespace Actors.Cloud.Tests.CloudHub.Hub;

/// <summary>CloudHub's metrics follow sessions, frames both ways, unacknowledged messages and retries.</summary>
public sealed class CloudHubMetricsTests : Kit
{
    private static readonly CloudHubOptions Retry = new() { RetryInterval = TimeSpan.FromSeconds(5), MaxSends = 3 };

    [Fact]
    public async Task Metrics_SessionTrafficAndRetry_Counted()
    {
        await using var hub = await HubHarness.StartAsync(this, Retry);
        await using (var client = await hub.ConnectAsync("edge-1"))
        {
            AwaitCondition(() => Value("edgeactors_cloudhub_connected_nodes") == 1, HubHarness.Wait);

            hub.SendPod("edge-1", "uid-1", "1", "a");
            hub.SendPod("edge-1", "uid-2", "1", "b");
            var first = await client.ReceiveAsync();
            await client.ReceiveAsync();
            await client.AckAsync(first!);
            AwaitCondition(() => Value("edgeactors_cloudhub_unacked_messages") == 1 && Value("edgeactors_cloudhub_messages_total", "in") >= 1, HubHarness.Wait);

            Time.Advance(Retry.RetryInterval);
            await client.ReceiveAsync();
            Assert.Equal(1, Value("edgeactors_cloudhub_retries_total"));
            Assert.Equal(3, Value("edgeactors_cloudhub_messages_total", "out"));
        }

        AwaitCondition(() => Value("edgeactors_cloudhub_connected_nodes") == 0 && Value("edgeactors_cloudhub_unacked_messages") == 0, HubHarness.Wait);
        Assert.Equal(1, Value("edgeactors_cloudhub_offline_messages"));
    }

    private double Value(string family, params string[] labels) =>
        MetricsRegistry.Get(Sys).Families.SingleOrDefault(f => f.Name == family)?.Collect()
            .SingleOrDefault(s => s.LabelValues.SequenceEqual(labels)).Value ?? -1;
}
