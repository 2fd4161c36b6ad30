using Actors.Edge.Modules.EdgeD.Gc;
using Actors.Edge.Tests.EdgeD.Support;
using Runtime.V1;

namespace Actors.Edge.Tests.EdgeD;

public sealed class EdgedGcTests : TestKit.TestKit
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ContainerPlan_PerPodLimitMinAgeAndOrphans_Applied()
    {
        var dead = new[]
        {
            new DeadContainer("new", "live", "c", Now.AddMinutes(-2)),
            new DeadContainer("old", "live", "c", Now.AddMinutes(-5)),
            new DeadContainer("young", "live", "d", Now.AddSeconds(-10)),
            new DeadContainer("young-old", "live", "d", Now.AddSeconds(-20)),
            new DeadContainer("orphan", "gone", "c", Now.AddMinutes(-3)),
        };

        var remove = ContainerGcPlanner.Plan(dead, new HashSet<string> { "live" }, Now, TimeSpan.FromMinutes(1), maxPerPodContainer: 1, maxContainers: -1);

        Assert.Equal(["old", "orphan"], remove.Order());
    }

    [Fact]
    public void ContainerPlan_MaxContainers_OldestKeptOnesGo()
    {
        var dead = new[]
        {
            new DeadContainer("a", "p1", "c", Now.AddMinutes(-10)),
            new DeadContainer("b", "p2", "c", Now.AddMinutes(-5)),
            new DeadContainer("c", "p3", "c", Now.AddMinutes(-2)),
        };

        var remove = ContainerGcPlanner.Plan(dead, new HashSet<string> { "p1", "p2", "p3" }, Now, TimeSpan.Zero, 1, maxContainers: 1);

        Assert.Equal(["a", "b"], remove.Order());
    }

    [Fact]
    public void ImagePlan_AboveHigh_FreesLeastRecentlyUsedUnusedDownToLow()
    {
        var images = new[]
        {
            new ImageUsage("in-use-oldest", 30, Now.AddHours(-5), InUse: true),
            new ImageUsage("lru", 10, Now.AddHours(-4), InUse: false),
            new ImageUsage("mid", 10, Now.AddHours(-3), InUse: false),
            new ImageUsage("recent", 10, Now.AddHours(-1), InUse: false),
        };

        // 90 of 100 used, high 85, low 75: free at least 15 → lru + mid.
        Assert.Equal(["lru", "mid"], ImageGcPlanner.Plan(images, 100, 90, 85, 75));
        Assert.Empty(ImageGcPlanner.Plan(images, 100, 85, 85, 75));
    }

    [Fact]
    public async Task Gc_OrphanedSandbox_RemovedLivePodKept()
    {
        using var edged = new EdgedHarness(Sys, TimeProvider.System, s => s with { ContainerGcPeriod = TimeSpan.FromMilliseconds(300), ContainerGcMinAge = TimeSpan.Zero });
        var pod = PodJson.Pod("live", "Always", PodJson.Shell("a", "busybox", "sleep 600"));
        edged.AddPod(pod);
        await edged.WaitForStatusAsync(pod, s => s.AllRunning(), "Running");
        var orphan = new PodSandboxConfig
        {
            Metadata = new PodSandboxMetadata { Name = "orphan", Namespace = "default", Uid = "orphan-uid" },
            LogDirectory = Path.Combine(edged.Root, "orphan-logs"),
        };
        orphan.Labels["io.kubernetes.pod.uid"] = "orphan-uid";
        orphan.Labels["edgeactors.io/managed-by"] = "edged";
        var orphanId = await edged.Runtime.Runtime.RunPodSandboxAsync(orphan);

        await edged.Meta.WaitAsync(
            _ => edged.Runtime.Runtime.ListPodSandboxAsync().GetAwaiter().GetResult().All(s => s.Id != orphanId) ? "gone" : null,
            TimeSpan.FromSeconds(20), "orphaned sandbox removed");

        Assert.Contains(await edged.Runtime.Runtime.ListPodSandboxAsync(), s => s.Metadata.Uid == pod.Uid());
    }
}
