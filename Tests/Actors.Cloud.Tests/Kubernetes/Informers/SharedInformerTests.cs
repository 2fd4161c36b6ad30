using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Informers;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Tests.Kubernetes.Support;

namespace Actors.Cloud.Tests.Kubernetes.Informers;

public sealed class SharedInformerTests
{
    private static string Rv(Pod pod) => pod.Metadata.ResourceVersion!;

    [Fact]
    public async Task Run_InitialListThenWatch_DeliversEventsInOrderAndIndexes()
    {
        await using var h = await InformerHarness.StartAsync();
        h.Lists.Enqueue(K8sJson.PodList("100", [K8sJson.Pod("a", "p1", "10", "edge-1"), K8sJson.Pod("b", "p2", "11", "edge-2")]));
        using var events = h.Informer.Subscribe();
        h.Run();

        var watch = await h.Server.NextWatchAsync();
        await watch.SendAsync("ADDED", K8sJson.Pod("a", "p3", "101", "edge-1"));
        await watch.SendAsync("MODIFIED", K8sJson.Pod("a", "p1", "102", "edge-2"));
        await watch.SendAsync("DELETED", K8sJson.Pod("b", "p2", "103", "edge-2"));

        var first = await events.NextAsync<Pod, ObjectAdded<Pod>>();
        var second = await events.NextAsync<Pod, ObjectAdded<Pod>>();
        Assert.Equal(["p1", "p2"], new[] { first.Object.Metadata.Name!, second.Object.Metadata.Name! });
        Assert.True(first.IsInInitialList && second.IsInInitialList);
        var added = await events.NextAsync<Pod, ObjectAdded<Pod>>();
        Assert.Equal(("p3", false), (added.Object.Metadata.Name, added.IsInInitialList));
        var updated = await events.NextAsync<Pod, ObjectUpdated<Pod>>();
        Assert.Equal(("10", "102"), (Rv(updated.Old), Rv(updated.New)));
        var deleted = await events.NextAsync<Pod, ObjectDeleted<Pod>>();
        Assert.Equal(("b/p2", "103", false), (deleted.Key, Rv(deleted.Object), deleted.FinalStateUnknown));

        Assert.True(h.Informer.HasSynced);
        Assert.Equal("103", h.Informer.LastResourceVersion);
        Assert.Equal("100", watch.Request.QueryValue("resourceVersion"));
        Assert.Equal("true", watch.Request.QueryValue("allowWatchBookmarks"));
        Assert.Equal(["a/p1", "a/p3"], h.Informer.Store.ListKeys().Order());
        Assert.Equal(["p1"], h.Informer.Store.ByIndex(StoreIndexers.NodeName, "edge-2").Select(p => p.Metadata.Name));
        Assert.Equal(2, h.Informer.Store.ByIndex(StoreIndexers.Namespace, "a").Count);
        Assert.Empty(h.Informer.Store.ByIndex(StoreIndexers.Namespace, "b"));
    }

    [Fact]
    public async Task Run_WatchDrops_ReconnectsFromLastResourceVersionWithoutRelist()
    {
        await using var h = await InformerHarness.StartAsync();
        h.Lists.Enqueue(K8sJson.PodList("100", [K8sJson.Pod("a", "p1", "10")]));
        using var events = h.Informer.Subscribe();
        h.Run();

        var first = await h.Server.NextWatchAsync();
        await first.SendAsync("ADDED", K8sJson.Pod("a", "p2", "101"));
        await first.SendAsync("MODIFIED", K8sJson.Pod("a", "p1", "102"));
        first.End();
        var second = await h.Server.NextWatchAsync();
        await second.SendAsync("MODIFIED", K8sJson.Pod("a", "p1", "102"));
        await second.SendAsync("MODIFIED", K8sJson.Pod("a", "p2", "103"));

        await events.NextAsync<Pod, ObjectAdded<Pod>>();
        Assert.Equal("p2", (await events.NextAsync<Pod, ObjectAdded<Pod>>()).Object.Metadata.Name);
        Assert.Equal("102", Rv((await events.NextAsync<Pod, ObjectUpdated<Pod>>()).New));
        var last = await events.NextAsync<Pod, ObjectUpdated<Pod>>();
        Assert.Equal(("p2", "101", "103"), (last.New.Metadata.Name, Rv(last.Old), Rv(last.New)));
        Assert.Equal("102", second.Request.QueryValue("resourceVersion"));
        Assert.Equal(1, h.Informer.ListRequests);
        Assert.False(events.Events.TryRead(out _));
    }

    [Fact]
    public async Task Run_Bookmark_AdvancesResourceVersionWithoutEvents()
    {
        await using var h = await InformerHarness.StartAsync();
        h.Lists.Enqueue(K8sJson.PodList("100", [K8sJson.Pod("a", "p1", "10")]));
        using var events = h.Informer.Subscribe();
        h.Run();

        var first = await h.Server.NextWatchAsync();
        await first.SendAsync("BOOKMARK", K8sJson.Bookmark("250"));
        first.End();
        var second = await h.Server.NextWatchAsync();
        await second.SendAsync("ADDED", K8sJson.Pod("a", "p2", "251"));

        await events.NextAsync<Pod, ObjectAdded<Pod>>();
        Assert.Equal("p2", (await events.NextAsync<Pod, ObjectAdded<Pod>>()).Object.Metadata.Name);
        Assert.Equal("250", second.Request.QueryValue("resourceVersion"));
        Assert.Equal(1, h.Informer.Store.ByIndex(StoreIndexers.Namespace, "a").Count(p => p.Metadata.Name == "p1"));
    }

    [Fact]
    public async Task Run_GoneAsErrorEvent_RelistsAndReconcilesAddUpdateDelete()
    {
        await using var h = await InformerHarness.StartAsync();
        h.Lists.Enqueue(K8sJson.PodList("100", [K8sJson.Pod("a", "keep", "10"), K8sJson.Pod("a", "gone", "11")]));
        h.Lists.Enqueue(K8sJson.PodList("300", [K8sJson.Pod("a", "keep", "250"), K8sJson.Pod("a", "new", "260")]));
        using var events = h.Informer.Subscribe();
        h.Run();

        var first = await h.Server.NextWatchAsync();
        await first.SendAsync("ERROR", K8sJson.Status(410, "Expired", "too old resource version: 100 (200)"));
        var second = await h.Server.NextWatchAsync();

        await events.NextAsync<Pod, ObjectAdded<Pod>>();
        await events.NextAsync<Pod, ObjectAdded<Pod>>();
        var updated = await events.NextAsync<Pod, ObjectUpdated<Pod>>();
        Assert.Equal(("keep", "10", "250"), (updated.New.Metadata.Name, Rv(updated.Old), Rv(updated.New)));
        var added = await events.NextAsync<Pod, ObjectAdded<Pod>>();
        Assert.Equal(("new", false), (added.Object.Metadata.Name, added.IsInInitialList));
        var deleted = await events.NextAsync<Pod, ObjectDeleted<Pod>>();
        Assert.Equal(("a/gone", "11", true), (deleted.Key, Rv(deleted.Object), deleted.FinalStateUnknown));
        Assert.Equal("300", second.Request.QueryValue("resourceVersion"));
        Assert.Equal(2, h.Informer.ListRequests);
        Assert.True(Assert.IsType<KubernetesApiException>(Assert.Single(h.Errors)).IsGone);
    }

    [Fact]
    public async Task Run_GoneAsHttpStatus_Relists()
    {
        await using var h = await InformerHarness.StartAsync();
        h.Lists.Enqueue(K8sJson.PodList("100", [K8sJson.Pod("a", "p1", "10")]));
        h.Lists.Enqueue(K8sJson.PodList("400", [K8sJson.Pod("a", "p1", "10")]));
        h.WatchResponses.Enqueue((410, K8sJson.Status(410, "Gone", "resource version too old")));
        using var events = h.Informer.Subscribe();
        h.Run();

        var watch = await h.Server.NextWatchAsync();

        Assert.Equal("400", watch.Request.QueryValue("resourceVersion"));
        Assert.Equal(2, h.Informer.ListRequests);
        await events.NextAsync<Pod, ObjectAdded<Pod>>();
        var resent = await events.NextAsync<Pod, ObjectUpdated<Pod>>();
        Assert.Equal(("10", "10"), (Rv(resent.Old), Rv(resent.New)));
    }

    [Fact]
    public async Task Run_MalformedWatchLine_ReportsErrorAndResumesFromLastGoodVersion()
    {
        await using var h = await InformerHarness.StartAsync();
        h.Lists.Enqueue(K8sJson.PodList("100", []));
        using var events = h.Informer.Subscribe();
        h.Run();

        var first = await h.Server.NextWatchAsync();
        await first.SendAsync("ADDED", K8sJson.Pod("a", "p1", "101"));
        await first.SendRawAsync("{\"type\":\"MODIFIED\",\"object\":{\"metadata\":\n");
        var second = await h.Server.NextWatchAsync();
        await second.SendAsync("MODIFIED", K8sJson.Pod("a", "p1", "102"));

        Assert.Equal("101", Rv((await events.NextAsync<Pod, ObjectAdded<Pod>>()).Object));
        Assert.Equal("102", Rv((await events.NextAsync<Pod, ObjectUpdated<Pod>>()).New));
        Assert.IsType<WatchStreamException>(Assert.Single(h.Errors));
        Assert.Equal("101", second.Request.QueryValue("resourceVersion"));
        Assert.Equal(1, h.Informer.ListRequests);
    }

    [Fact]
    public async Task Run_Selectors_SentOnListAndWatch()
    {
        await using var h = await InformerHarness.StartAsync(new InformerOptions
        {
            Namespace = "kubeedge",
            FieldSelector = "spec.nodeName=edge-1",
            LabelSelector = "app in (web)",
            PageSize = 50,
        });
        h.Lists.Enqueue(K8sJson.PodList("100", []));
        h.Run();

        var watch = await h.Server.NextWatchAsync();

        var list = h.Server.Requests.First();
        foreach (var request in new[] { list, watch.Request })
        {
            Assert.Equal("/api/v1/namespaces/kubeedge/pods", request.Path);
            Assert.Equal("spec.nodeName=edge-1", request.QueryValue("fieldSelector"));
            Assert.Equal("app in (web)", request.QueryValue("labelSelector"));
        }
        Assert.Equal("50", list.QueryValue("limit"));
        Assert.Null(watch.Request.QueryValue("limit"));
    }

    [Fact]
    public async Task Subscribe_AfterSync_ReceivesCacheAsInitialAdds()
    {
        await using var h = await InformerHarness.StartAsync();
        h.Lists.Enqueue(K8sJson.PodList("100", [K8sJson.Pod("a", "p1", "10"), K8sJson.Pod("a", "p2", "11")]));
        h.Run();
        await h.Informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(InformerHarness.Deadline);

        using var late = h.Informer.Subscribe();

        var names = new[] { await late.NextAsync<Pod, ObjectAdded<Pod>>(), await late.NextAsync<Pod, ObjectAdded<Pod>>() }
            .Select(e => e.Object.Metadata.Name).Order();
        Assert.Equal(["p1", "p2"], names);
    }

    [Fact]
    public async Task AddEventHandler_ThrowingCallback_LaterEventsStillDelivered()
    {
        await using var h = await InformerHarness.StartAsync();
        h.Lists.Enqueue(K8sJson.PodList("100", [K8sJson.Pod("a", "p1", "10")]));
        var seen = new List<string>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = h.Informer.AddEventHandler(new InformerCallbacks<Pod>
        {
            OnAdd = (pod, initial) =>
            {
                seen.Add($"add {pod.Metadata.Name} {initial}");
                if (initial)
                {
                    throw new InvalidOperationException("handler bug");
                }
            },
            OnUpdate = (old, pod) => seen.Add($"update {Rv(old)}->{Rv(pod)}"),
            OnDelete = (pod, unknown) =>
            {
                seen.Add($"delete {pod.Metadata.Name} {unknown}");
                done.TrySetResult();
            },
        });
        h.Run();

        var watch = await h.Server.NextWatchAsync();
        await watch.SendAsync("ADDED", K8sJson.Pod("a", "p2", "101"));
        await watch.SendAsync("MODIFIED", K8sJson.Pod("a", "p1", "102"));
        await watch.SendAsync("DELETED", K8sJson.Pod("a", "p2", "103"));
        await done.Task.WaitAsync(InformerHarness.Deadline);

        Assert.Equal(["add p1 True", "add p2 False", "update 10->102", "delete p2 False"], seen);
    }
}
