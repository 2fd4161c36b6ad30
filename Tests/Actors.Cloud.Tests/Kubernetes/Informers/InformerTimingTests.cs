using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Informers;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Tests.Kubernetes.Support;

namespace Actors.Cloud.Tests.Kubernetes.Informers;

/// <summary>Backoff and resync, driven by a manual clock (nothing sleeps).</summary>
public sealed class InformerTimingTests
{
    [Fact]
    public async Task Run_WatchFailsRepeatedly_ReconnectsAfterGrowingBackoff()
    {
        var time = new ManualTimeProvider();
        await using var h = await InformerHarness.StartAsync(new InformerOptions
        {
            InitialBackoff = TimeSpan.FromSeconds(1),
            MaxBackoff = TimeSpan.FromSeconds(30),
            BackoffJitter = 0,
        }, time);
        h.Lists.Enqueue(K8sJson.PodList("100", []));
        h.WatchResponses.Enqueue((500, K8sJson.Status(500, "InternalError", "etcd unavailable")));
        h.WatchResponses.Enqueue((503, K8sJson.Status(503, "ServiceUnavailable", "shutting down")));
        h.Run();

        await time.WaitForTimerAsync(left => left == TimeSpan.FromSeconds(1), InformerHarness.Deadline);
        Assert.Equal(1, h.Informer.WatchRequests);
        time.Advance(TimeSpan.FromSeconds(1));
        await time.WaitForTimerAsync(left => left == TimeSpan.FromSeconds(2), InformerHarness.Deadline);
        Assert.Equal(2, h.Informer.WatchRequests);
        time.Advance(TimeSpan.FromSeconds(2));
        var watch = await h.Server.NextWatchAsync();

        Assert.Equal("100", watch.Request.QueryValue("resourceVersion"));
        Assert.Equal(3, h.Informer.WatchRequests);
        Assert.Equal(1, h.Informer.ListRequests);
        Assert.Equal([500, 503], h.Errors.Select(e => Assert.IsType<KubernetesApiException>(e).Code));
    }

    [Fact]
    public async Task Run_ListFails_RetriesListAfterBackoff()
    {
        var time = new ManualTimeProvider();
        await using var h = await InformerHarness.StartAsync(new InformerOptions
        {
            InitialBackoff = TimeSpan.FromSeconds(1),
            BackoffJitter = 1.0,
        }, time);
        h.Run();

        await time.WaitForTimerAsync(left => left == TimeSpan.FromSeconds(1.5), InformerHarness.Deadline);
        Assert.False(h.Informer.HasSynced);
        h.Lists.Enqueue(K8sJson.PodList("100", [K8sJson.Pod("a", "p1", "10")]));
        time.Advance(TimeSpan.FromSeconds(1.5));
        await h.Informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(InformerHarness.Deadline);

        Assert.Equal(2, h.Informer.ListRequests);
        Assert.Equal(1, h.Informer.Store.Count);
        Assert.Equal(500, Assert.IsType<KubernetesApiException>(Assert.Single(h.Errors)).Code);
    }

    [Fact]
    public async Task Run_ResyncPeriod_RedeliversCachedObjectsAsUpdates()
    {
        var time = new ManualTimeProvider();
        await using var h = await InformerHarness.StartAsync(new InformerOptions { ResyncPeriod = TimeSpan.FromMinutes(10) }, time);
        h.Lists.Enqueue(K8sJson.PodList("100", [K8sJson.Pod("a", "p1", "10"), K8sJson.Pod("a", "p2", "11")]));
        using var events = h.Informer.Subscribe();
        h.Run();
        await h.Server.NextWatchAsync();
        await events.NextAsync<Pod, ObjectAdded<Pod>>();
        await events.NextAsync<Pod, ObjectAdded<Pod>>();

        await time.WaitForTimerAsync(left => left == TimeSpan.FromMinutes(10), InformerHarness.Deadline);
        Assert.False(events.Events.TryRead(out _));
        time.Advance(TimeSpan.FromMinutes(10));

        var resynced = new[] { await events.NextAsync<Pod, ObjectUpdated<Pod>>(), await events.NextAsync<Pod, ObjectUpdated<Pod>>() };
        Assert.All(resynced, e => Assert.Same(e.Old, e.New));
        Assert.Equal(["p1", "p2"], resynced.Select(e => e.New.Metadata.Name!).Order());
        Assert.Equal(1, h.Informer.ListRequests);
    }
}
