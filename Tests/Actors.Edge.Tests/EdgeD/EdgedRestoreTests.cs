using Actors.Cri.Runtime;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Tests.EdgeD.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Edge.Tests.EdgeD;

/// <summary>
/// Edge autonomy with the process runtime: MetaManager (real SQLite file) and EdgeD in one actor system, stopped and
/// started again on the same directory with no cloud; the stored pods run again.
/// </summary>
public sealed class EdgedRestoreTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly string _dir = Directory.CreateTempSubdirectory("edged-restore-").FullName;

    [Fact]
    public async Task Restart_StoredPodOffline_RunningAgainOnceAndReported()
    {
        var pod = PodJson.Pod("restored", "Always", PodJson.Shell("main", "busybox", "sleep 600"));
        await using (var first = new AutonomyNode(_dir))
        {
            first.InsertFromCloud(pod);
            await RunningIdAsync(first, pod.Uid());
        }

        await using var second = new AutonomyNode(_dir);

        var id = await RunningIdAsync(second, pod.Uid());
        var status = await AutonomyNode.EventuallyAsync(
            async () => await second.ReportedStatusAsync("restored") is { } s && s.AllRunning() && s.Container("main").ContainerId().EndsWith(id, StringComparison.Ordinal) ? (object)s : null,
            Deadline, "the restored pod reported Running with its new container");
        Assert.NotNull(status);
        Assert.Single(await second.RunningAsync(pod.Uid()));
    }

    [Fact]
    public async Task Restart_PodDeletedFromStoreWhileDown_NotStartedAgain()
    {
        var kept = PodJson.Pod("kept", "Always", PodJson.Shell("main", "busybox", "sleep 600"));
        var gone = PodJson.Pod("gone", "Always", PodJson.Shell("main", "busybox", "sleep 600"));
        await using (var first = new AutonomyNode(_dir))
        {
            first.InsertFromCloud(kept);
            first.InsertFromCloud(gone);
            await RunningIdAsync(first, kept.Uid());
            await RunningIdAsync(first, gone.Uid());
        }

        await using (var store = new SqliteMetaStore(Path.Combine(_dir, "edgecore.db"), new MetaStoreOptions(), NullLogger.Instance, TimeProvider.System, null))
        {
            Assert.Equal(Actors.Edge.Modules.MetaManager.Storage.Models.PodDeleteResult.Deleted, await store.DeletePodAsync("default", "gone", gone.Uid()));
        }

        await using var second = new AutonomyNode(_dir);

        await RunningIdAsync(second, kept.Uid());
        Assert.Empty(await second.RunningAsync(gone.Uid()));
    }

    [Fact]
    public async Task Restart_CloudSendsNewerVersionAfterRestore_NewSpecWins()
    {
        var pod = PodJson.Pod("updated", "Always", PodJson.Shell("main", "busybox", "echo v1; sleep 600"));
        await using (var first = new AutonomyNode(_dir))
        {
            first.InsertFromCloud(pod);
            await RunningIdAsync(first, pod.Uid());
        }

        await using var second = new AutonomyNode(_dir);
        var restoredId = await RunningIdAsync(second, pod.Uid());
        pod["spec"]!["containers"]![0]!["command"]![2] = "echo v2; sleep 600";
        second.InsertFromCloud(pod);

        var newId = await AutonomyNode.EventuallyAsync(
            async () => (await second.RunningAsync(pod.Uid())).FirstOrDefault(c => c.Id != restoredId)?.Id,
            Deadline, "the container restarted with the cloud's newer spec");
        await AutonomyNode.EventuallyAsync(
            async () => (await second.Runtime.Runtime.ReadContainerLogsAsync(newId)).Lines.Any(l => l.Content == "v2") ? newId : null,
            Deadline, "the new container's log shows the new command ran");
        Assert.Equal(newId, Assert.Single(await second.RunningAsync(pod.Uid())).Id);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a container's log still being closed; the temp directory stays
        }
    }

    private static Task<string> RunningIdAsync(AutonomyNode node, string uid) => AutonomyNode.EventuallyAsync(
        async () => (await node.RunningAsync(uid)).SingleOrDefault()?.Id, Deadline, $"one running container of pod {uid}");
}
