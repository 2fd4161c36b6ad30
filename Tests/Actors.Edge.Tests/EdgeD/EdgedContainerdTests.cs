using System.Text.Json.Nodes;
using Actors.Cri.Runtime;
using Actors.Edge.Tests.EdgeD.Support;
using Actors.TestKit.Cri;
using Runtime.V1;

namespace Actors.Edge.Tests.EdgeD;

/// <summary>
/// EdgeD on the real containerd started by Tests/setup/30-containerd.sh (host-network pods; busybox image).
/// Skipped without EDGEACTORS_CRI_ENDPOINT unless EDGEACTORS_REQUIRE_CRI=1, where a missing runtime fails.
/// </summary>
public sealed class EdgedContainerdTests : TestKit.TestKit
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);
    private readonly Xunit.Abstractions.ITestOutputHelper _output;
    private EdgedHarness? _edged;

    public EdgedContainerdTests(Xunit.Abstractions.ITestOutputHelper output)
        : base(output: output) => _output = output;

    [CriFact]
    public async Task Containerd_TwoContainerPodWithConfigMap_RunningAndContainerReadsFile()
    {
        var edged = Start();
        edged.PutObject("default/configmap/app-config", PodJson.ConfigMap("app-config", new Dictionary<string, string> { ["message"] = "hello from metamanager" }));
        var pod = PodJson.Pod(
                "cd-two-" + Suffix(), "Always",
                PodJson.Shell("main", CriEnvironment.BusyboxImage, "sleep 600").WithMount("cfg", "/etc/app"),
                PodJson.Shell("side", CriEnvironment.BusyboxImage, "sleep 600"))
            .WithVolume(new JsonObject { ["name"] = "cfg", ["configMap"] = new JsonObject { ["name"] = "app-config" } });

        edged.AddPod(pod);

        var status = (await edged.WaitForStatusAsync(pod, s => s.AllRunning(), "both containers Running", Deadline)).Status;
        Assert.Equal("True", status.Condition("Ready"));
        var id = status.Container("main").ContainerId().Split("://")[1];
        var exec = await edged.Runtime.Runtime.ExecSyncAsync(id, ["cat", "/etc/app/message"], TimeSpan.FromSeconds(20));
        Assert.Equal(0, exec.ExitCode);
        Assert.Equal("hello from metamanager", System.Text.Encoding.UTF8.GetString(exec.Stdout));
    }

    [CriFact]
    public async Task Containerd_ResourceLimits_AppliedToTheContainersCgroups()
    {
        var edged = Start();
        var container = PodJson.Shell("limited", CriEnvironment.BusyboxImage, "sleep 600");
        container["resources"] = new JsonObject { ["limits"] = new JsonObject { ["memory"] = "64Mi", ["cpu"] = "500m" } };
        var pod = PodJson.Pod("cd-limits-" + Suffix(), "Always", container);

        edged.AddPod(pod);

        var status = (await edged.WaitForStatusAsync(pod, s => s.AllRunning(), "Running", Deadline)).Status;
        var id = status.Container("limited").ContainerId().Split("://")[1];
        var memory = await edged.Runtime.Runtime.ExecSyncAsync(id, ["sh", "-c", "cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max"], TimeSpan.FromSeconds(20));
        Assert.Equal("67108864", System.Text.Encoding.UTF8.GetString(memory.Stdout).Trim());
        var cpu = await edged.Runtime.Runtime.ExecSyncAsync(id, ["sh", "-c", "cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us 2>/dev/null || cat /sys/fs/cgroup/cpu.max"], TimeSpan.FromSeconds(20));
        Assert.StartsWith("50000", System.Text.Encoding.UTF8.GetString(cpu.Stdout).Trim(), StringComparison.Ordinal);
    }

    [CriFact]
    public async Task Containerd_KilledContainer_RestartedThenCrashLoopBackOff()
    {
        var edged = Start();
        var pod = PodJson.Pod("cd-kill-" + Suffix(), "Always", PodJson.Shell("victim", CriEnvironment.BusyboxImage, "sleep 600"));
        edged.AddPod(pod);
        var first = (await edged.WaitForStatusAsync(pod, s => s.AllRunning(), "Running", Deadline)).Status;

        await edged.Runtime.Runtime.StopContainerAsync(first.Container("victim").ContainerId().Split("://")[1], TimeSpan.Zero);

        var restarted = (await edged.WaitForStatusAsync(
            pod, s => s.AllRunning() && s.Container("victim").RestartCount() == 1, "restarted once", Deadline)).Status;
        Assert.NotEqual(first.Container("victim").ContainerId(), restarted.Container("victim").ContainerId());
        Assert.Equal(137, restarted.Container("victim").GetProperty("lastState").GetProperty("terminated").GetProperty("exitCode").GetInt32());

        await edged.Runtime.Runtime.StopContainerAsync(restarted.Container("victim").ContainerId().Split("://")[1], TimeSpan.Zero);

        var backoff = (await edged.WaitForStatusAsync(
            pod, s => s.Container("victim").WaitingReason() == "CrashLoopBackOff", "CrashLoopBackOff after the second kill", Deadline)).Status;
        Assert.Equal(1, backoff.Container("victim").RestartCount());
        Assert.Contains("back-off 10s", backoff.Container("victim").WaitingMessage(), StringComparison.Ordinal);
    }

    [CriFact]
    public async Task Containerd_DeletedPod_ContainersAndSandboxGone()
    {
        var edged = Start();
        var pod = PodJson.Pod("cd-del-" + Suffix(), "Always", PodJson.Shell("a", CriEnvironment.BusyboxImage, "sleep 600"));
        edged.AddPod(pod);
        await edged.WaitForStatusAsync(pod, s => s.AllRunning(), "Running", Deadline);

        edged.DeletePod(pod);

        await edged.Meta.WaitAsync(
            r => r.Snapshot().FirstOrDefault(e => e.Route.Operation == "delete" && e.Route.Resource == "default/pod/" + EdgedHarness.Name(pod)),
            Deadline, "pod delete sent to metamanager");
        var filter = new PodSandboxFilter();
        filter.LabelSelector["io.kubernetes.pod.uid"] = pod.Uid();
        Assert.Empty(await edged.Runtime.Runtime.ListPodSandboxAsync(filter));
        var containers = new ContainerFilter();
        containers.LabelSelector["io.kubernetes.pod.uid"] = pod.Uid();
        Assert.Empty(await edged.Runtime.Runtime.ListContainersAsync(containers));
    }

    protected override void AfterAll()
    {
        _edged?.Dispose();

        // Leave nothing in the shared containerd: once EdgeD is stopped, remove the sandboxes of this class's pods.
        if (_edged is not null)
        {
            CleanUpAsync().GetAwaiter().GetResult();
        }

        base.AfterAll();
    }

    private static async Task CleanUpAsync()
    {
        await using var cri = CriRuntime.Create(new CriOptions { Runtime = CriRuntimeKind.Cri, Endpoint = CriEnvironment.RequireEndpoint() });
        var filter = new PodSandboxFilter();
        filter.LabelSelector["edgeactors.io/managed-by"] = "edged";
        foreach (var sandbox in (await cri.Runtime.ListPodSandboxAsync(filter)).Where(s => s.Metadata.Name.StartsWith("cd-", StringComparison.Ordinal)))
        {
            try
            {
                await cri.Runtime.StopPodSandboxAsync(sandbox.Id);
                await cri.Runtime.RemovePodSandboxAsync(sandbox.Id);
            }
            catch (Actors.Cri.Grpc.CriException e) when (e.StatusCode == Actors.Cri.Grpc.GrpcStatusCode.NotFound)
            {
                // removed concurrently
            }
        }
    }

    private static string Suffix() => Guid.NewGuid().ToString("N")[..6];

    private EdgedHarness Start()
    {
        var endpoint = CriEnvironment.RequireEndpoint();
        _output.WriteLine("containerd at " + endpoint);
        _edged = new EdgedHarness(
            Sys, TimeProvider.System,
            s => s with { ForceHostNetwork = true },
            new CriOptions { Runtime = CriRuntimeKind.Cri, Endpoint = endpoint, RequestTimeout = TimeSpan.FromSeconds(30) });
        return _edged;
    }
}
