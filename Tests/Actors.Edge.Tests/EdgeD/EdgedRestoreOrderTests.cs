using Actors.Edge.Tests.EdgeD.Support;

namespace Actors.Edge.Tests.EdgeD;

/// <summary>
/// EdgeD's start-up restore against a stand-in MetaManager whose answer is held back: what the bus brought first wins
/// over the stored copy; pods only in the store are started. Process runtime, real clock.
/// </summary>
public sealed class EdgedRestoreOrderTests : TestKit.TestKit
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly EdgedHarness _edged;

    public EdgedRestoreOrderTests(Xunit.Abstractions.ITestOutputHelper output)
        : base(output: output) => _edged = new EdgedHarness(Sys, TimeProvider.System, prepare: m => m.PodListGate = _gate);

    [Fact]
    public async Task Restore_NewerVersionCameOverTheBusFirst_StoredCopyIgnoredOthersStarted()
    {
        var fresh = PodJson.Pod("fresh", "Always", PodJson.Shell("main", "busybox", "sleep 600"));
        var stale = fresh.DeepClone().AsObject();
        stale["spec"]!["containers"]![0]!["command"]![2] = "sleep 601";
        var onlyStored = PodJson.Pod("only-stored", "Always", PodJson.Shell("main", "busybox", "sleep 600"));
        _edged.MetaManager.StoredPods.Enqueue(stale.ToJsonString());
        _edged.MetaManager.StoredPods.Enqueue(onlyStored.ToJsonString());
        _edged.AddPod(fresh);
        var running = (await _edged.WaitForStatusAsync(fresh, s => s.AllRunning(), "the bus's version Running")).Status;
        var id = running.Container("main").ContainerId();

        _gate.SetResult();

        await _edged.WaitForStatusAsync(onlyStored, s => s.AllRunning(), "the pod only in the store restored and Running");
        ExpectNoMsg(TimeSpan.FromSeconds(2)); // a window in which a wrongly applied stale copy would restart the container

        Assert.All(_edged.Meta.PodStatuses("default", "fresh").Where(s => s.AllRunning()), s => Assert.Equal(id, s.Container("main").ContainerId()));
        var containers = (await _edged.Runtime.Runtime.ListContainersAsync())
            .Where(c => c.Labels["io.kubernetes.pod.uid"] == fresh.Uid()).ToList();
        var only = Assert.Single(containers);
        Assert.Equal(id.Split("://")[1], only.Id);
        Assert.Equal(Runtime.V1.ContainerState.ContainerRunning, only.State);
    }
}
