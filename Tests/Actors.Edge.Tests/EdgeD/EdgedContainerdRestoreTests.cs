using Actors.Cri.Runtime;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Modules.MetaManager.Storage.Models;
using Actors.Edge.Tests.EdgeD.Support;
using Actors.TestKit.Cri;
using Microsoft.Extensions.Logging.Abstractions;
using Runtime.V1;

namespace Actors.Edge.Tests.EdgeD;

/// <summary>
/// Edge autonomy on the real containerd (Tests/setup/30-containerd.sh): containers survive an edgecore restart and are
/// adopted by pod uid label, not duplicated or killed; a pod no longer stored is removed by orphan clean-up.
/// </summary>
public sealed class EdgedContainerdRestoreTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _dir = Directory.CreateTempSubdirectory("edged-cd-restore-").FullName;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6];

    public Task InitializeAsync() => Task.CompletedTask;

    [CriFact]
    public async Task Restart_RunningContainerdPod_SameContainerAdoptedAndOrphanRemoved()
    {
        var kept = PodJson.Pod("ar-kept-" + _suffix, "Always", PodJson.Shell("main", CriEnvironment.BusyboxImage, "sleep 600"));
        var orphan = PodJson.Pod("ar-orphan-" + _suffix, "Always", PodJson.Shell("main", CriEnvironment.BusyboxImage, "sleep 600"));
        string keptId;
        await using (var first = Node())
        {
            first.InsertFromCloud(kept);
            first.InsertFromCloud(orphan);
            keptId = await RunningIdAsync(first, kept.Uid());
            await RunningIdAsync(first, orphan.Uid());
        }

        await using (var store = new SqliteMetaStore(Path.Combine(_dir, "edgecore.db"), new MetaStoreOptions(), NullLogger.Instance, TimeProvider.System, null))
        {
            Assert.Equal(PodDeleteResult.Deleted, await store.DeletePodAsync("default", EdgedHarness.Name(orphan), orphan.Uid()));
        }

        await using var second = Node(s => s with { ContainerGcPeriod = TimeSpan.FromSeconds(1) });

        await AutonomyNode.EventuallyAsync(
            async () => await second.ReportedStatusAsync(EdgedHarness.Name(kept)) is { } s && s.AllRunning()
                && s.Container("main").ContainerId() == "containerd://" + keptId ? keptId : null,
            Deadline, "the kept pod reported Running with its old container id");
        Assert.Equal(keptId, Assert.Single(await second.RunningAsync(kept.Uid())).Id);
        await AutonomyNode.EventuallyAsync(
            async () => (await SandboxesAsync(second, orphan.Uid())).Count == 0 ? "gone" : null,
            Deadline, "the orphaned pod's sandbox removed by GC");
        Assert.Equal(keptId, Assert.Single(await second.RunningAsync(kept.Uid())).Id);
    }

    public async Task DisposeAsync()
    {
        // Leave nothing behind in the shared containerd.
        if (CriEnvironment.Endpoint is { } endpoint)
        {
            await using var cri = CriRuntime.Create(new CriOptions { Runtime = CriRuntimeKind.Cri, Endpoint = endpoint });
            var filter = new PodSandboxFilter();
            filter.LabelSelector["edgeactors.io/managed-by"] = "edged";
            foreach (var sandbox in (await cri.Runtime.ListPodSandboxAsync(filter)).Where(s => s.Metadata.Name.EndsWith(_suffix, StringComparison.Ordinal)))
            {
                await cri.Runtime.StopPodSandboxAsync(sandbox.Id);
                await cri.Runtime.RemovePodSandboxAsync(sandbox.Id);
            }
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // left behind
        }
        catch (UnauthorizedAccessException)
        {
            // written by a container as root
        }
    }

    private static async Task<IReadOnlyList<PodSandbox>> SandboxesAsync(AutonomyNode node, string uid)
    {
        var filter = new PodSandboxFilter();
        filter.LabelSelector["io.kubernetes.pod.uid"] = uid;
        return await node.Runtime.Runtime.ListPodSandboxAsync(filter);
    }

    private static Task<string> RunningIdAsync(AutonomyNode node, string uid) => AutonomyNode.EventuallyAsync(
        async () => (await node.RunningAsync(uid)).SingleOrDefault()?.Id, Deadline, $"one running container of pod {uid}");

    private AutonomyNode Node(Func<Modules.EdgeD.EdgedSettings, Modules.EdgeD.EdgedSettings>? configure = null) => new(
        _dir,
        new CriOptions { Runtime = CriRuntimeKind.Cri, Endpoint = CriEnvironment.RequireEndpoint(), RequestTimeout = TimeSpan.FromSeconds(30) },
        s => (configure ?? (x => x))(s with { ForceHostNetwork = true }));
}
