using System.Text.Json.Nodes;
using Actors.Edge.Tests.EdgeD.Support;
using Runtime.V1;

namespace Actors.Edge.Tests.EdgeD;

/// <summary>EdgeD end to end on the process runtime (real processes, real clock, short periods).</summary>
public sealed class EdgedProcessRuntimeTests : TestKit.TestKit
{
    private const string Image = "busybox";
    private readonly EdgedHarness _edged;

    public EdgedProcessRuntimeTests(Xunit.Abstractions.ITestOutputHelper output)
        : base(output: output) => _edged = new EdgedHarness(Sys, TimeProvider.System);

    [Fact]
    public async Task AddPod_TwoContainers_RunningStatusReported()
    {
        var pod = PodJson.Pod("two", "Always", PodJson.Shell("a", Image, "sleep 600"), PodJson.Shell("b", Image, "sleep 600"));

        _edged.AddPod(pod);

        var status = (await _edged.WaitForStatusAsync(pod, s => s.AllRunning(), "Running with both containers")).Status;
        Assert.Equal(2, status.GetProperty("containerStatuses").GetArrayLength());
        Assert.Equal("True", status.Condition("Ready"));
        Assert.Equal("BestEffort", status.GetProperty("qosClass").GetString());
        Assert.StartsWith("edgeactors-process://", status.Container("a").ContainerId(), StringComparison.Ordinal);
        var sandboxes = await _edged.Runtime.Runtime.ListPodSandboxAsync();
        Assert.Single(sandboxes, s => s.Metadata.Uid == pod.Uid());
    }

    [Fact]
    public async Task DeletePod_Running_SandboxRemovedAndDeleteSentToMetaManager()
    {
        var pod = PodJson.Pod("gone", "Always", PodJson.Shell("a", Image, "sleep 600"));
        _edged.AddPod(pod);
        await _edged.WaitForStatusAsync(pod, s => s.AllRunning(), "Running");

        _edged.DeletePod(pod);

        await _edged.Meta.WaitAsync(
            r => r.Snapshot().FirstOrDefault(e => e.Route.Operation == "delete" && e.Route.Resource == "default/pod/gone"),
            TimeSpan.FromSeconds(20), "pod delete sent to metamanager");
        Assert.DoesNotContain(await _edged.Runtime.Runtime.ListPodSandboxAsync(), s => s.Metadata.Uid == pod.Uid());
        Assert.Empty(await _edged.Runtime.Runtime.ListContainersAsync(new ContainerFilter { State = new ContainerStateValue { State = ContainerState.ContainerRunning } }));
        Assert.False(Directory.Exists(Path.Combine(_edged.PodsRoot, pod.Uid())));
    }

    [Fact]
    public async Task UpdatePod_OneContainerChanged_OnlyThatContainerRestarted()
    {
        var pod = PodJson.Pod("upd", "Always", PodJson.Shell("keep", Image, "sleep 600"), PodJson.Shell("change", Image, "sleep 600"));
        _edged.AddPod(pod);
        var before = (await _edged.WaitForStatusAsync(pod, s => s.AllRunning(), "Running")).Status;

        var updated = pod.DeepClone().AsObject();
        updated["spec"]!["containers"]![1]!["command"] = new JsonArray("/bin/sh", "-c", "sleep 601");
        _edged.AddPod(updated, "update");

        var after = (await _edged.WaitForStatusAsync(
            pod, s => s.AllRunning() && s.Container("change").ContainerId() != before.Container("change").ContainerId(), "changed container replaced")).Status;
        Assert.Equal(before.Container("keep").ContainerId(), after.Container("keep").ContainerId());
        Assert.Equal(0, after.Container("keep").RestartCount());
    }

    [Fact]
    public async Task AddPod_ConfigMapVolume_FilesWrittenBeforeContainerStarts()
    {
        _edged.PutObject("default/configmap/cfg", PodJson.ConfigMap("cfg", new Dictionary<string, string> { ["greeting"] = "hello edge" }));
        var podPlaceholder = PodJson.Pod("cm", "Never", PodJson.Shell("reader", Image, "true"));
        var uid = podPlaceholder.Uid();
        var file = Path.Combine(_edged.PodsRoot, uid, "volumes", "configmap", "cfg-vol", "greeting");
        var copy = Path.Combine(_edged.Root, "copy.txt");
        var pod = podPlaceholder.WithVolume(new JsonObject { ["name"] = "cfg-vol", ["configMap"] = new JsonObject { ["name"] = "cfg" } });
        pod["spec"]!["containers"] = new JsonArray(PodJson.Shell("reader", Image, $"cat '{file}' > '{copy}'").WithMount("cfg-vol", "/etc/cfg"));

        _edged.AddPod(pod);

        var status = (await _edged.WaitForStatusAsync(pod, s => s.Phase() == "Succeeded", "Succeeded")).Status;
        Assert.Equal(0, status.Container("reader").GetProperty("state").GetProperty("terminated").GetProperty("exitCode").GetInt32());
        Assert.Equal("hello edge", await File.ReadAllTextAsync(copy));
        Assert.Contains(_edged.Meta.Snapshot(), e => e.Route.Operation == "query" && e.Route.Resource == "default/configmap/cfg");
    }

    [Fact]
    public async Task AddPod_EnvFromConfigMap_WaitsAsConfigErrorThenRunsWithTheValues()
    {
        var copy = Path.Combine(_edged.Root, "env.txt");
        var container = PodJson.Shell("reader", Image, $"echo \"$MODE/$CFG_LEVEL\" > '{copy}'");
        container["env"] = new JsonArray(new JsonObject
        {
            ["name"] = "MODE",
            ["valueFrom"] = new JsonObject { ["configMapKeyRef"] = new JsonObject { ["name"] = "settings", ["key"] = "mode" } },
        });
        container["envFrom"] = new JsonArray(new JsonObject { ["prefix"] = "CFG_", ["configMapRef"] = new JsonObject { ["name"] = "settings" } });
        var pod = PodJson.Pod("env", "Never", container);

        _edged.AddPod(pod);

        var waiting = (await _edged.WaitForStatusAsync(pod, s => s.Container("reader").WaitingReason() == "CreateContainerConfigError", "config error")).Status;
        Assert.Contains("settings", waiting.Container("reader").WaitingMessage(), StringComparison.Ordinal);
        Assert.Empty(await _edged.Runtime.Runtime.ListContainersAsync());

        _edged.PutObject("default/configmap/settings", PodJson.ConfigMap("settings", new Dictionary<string, string> { ["mode"] = "edge", ["LEVEL"] = "3" }));

        await _edged.WaitForStatusAsync(pod, s => s.Phase() == "Succeeded", "Succeeded once the configmap exists");
        Assert.Equal("edge/3\n", await File.ReadAllTextAsync(copy));
    }

    [Fact]
    public async Task AddPod_ConfigMapMissing_PendingUntilItAppears()
    {
        var pod = PodJson.Pod("wait-cm", "Always", PodJson.Shell("a", Image, "sleep 600").WithMount("v", "/etc/v"))
            .WithVolume(new JsonObject { ["name"] = "v", ["configMap"] = new JsonObject { ["name"] = "late" } });

        _edged.AddPod(pod);

        var pending = (await _edged.WaitForStatusAsync(pod, s => s.Phase() == "Pending", "Pending")).Status;
        Assert.Contains("late", pending.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await _edged.Runtime.Runtime.ListContainersAsync());

        _edged.PutObject("default/configmap/late", PodJson.ConfigMap("late", new Dictionary<string, string> { ["k"] = "v" }));

        await _edged.WaitForStatusAsync(pod, s => s.AllRunning(), "Running once the configmap exists");
    }

    [Fact]
    public async Task AddPod_DownwardApiAndEnv_ResolvedFromPodMetadata()
    {
        var copy = Path.Combine(_edged.Root, "env.txt");
        var container = PodJson.Shell("env", Image, $"echo \"$POD_NAME/$POD_NS\" > '{copy}'").WithMount("info", "/etc/info");
        container["env"] = new JsonArray(
            new JsonObject { ["name"] = "POD_NAME", ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.name" } } },
            new JsonObject { ["name"] = "POD_NS", ["valueFrom"] = new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.namespace" } } });
        var pod = PodJson.Pod("downward", "Never", container).WithVolume(new JsonObject
        {
            ["name"] = "info",
            ["downwardAPI"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["path"] = "labels", ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.labels" } }) },
        });

        _edged.AddPod(pod);

        await _edged.WaitForStatusAsync(pod, s => s.Phase() == "Succeeded", "Succeeded");
        Assert.Equal("downward/default", (await File.ReadAllTextAsync(copy)).Trim());
        var labels = Path.Combine(_edged.PodsRoot, pod.Uid(), "volumes", "downwardapi", "info", "labels");
        Assert.Equal("app=\"downward\"", await File.ReadAllTextAsync(labels));
    }

    [Fact]
    public async Task MalformedPod_Rejected_LaterPodsStillRun()
    {
        _edged.SendRaw("insert", "default/pod/bad", Actors.Messages.Wire.MessageContent.FromString("not a pod"));
        _edged.SendRaw("insert", "default/pod", Actors.Messages.Wire.MessageContent.Null);
        var pod = PodJson.Pod("good", "Never", PodJson.Shell("a", Image, "exit 0"));

        _edged.AddPod(pod);

        await _edged.WaitForStatusAsync(pod, s => s.Phase() == "Succeeded", "Succeeded");
        Assert.Empty(_edged.Meta.PodStatuses("default", "bad"));
    }

    [Fact]
    public async Task NeverPolicy_FailingContainer_PhaseFailedNoRestart()
    {
        var pod = PodJson.Pod("fails", "Never", PodJson.Shell("a", Image, "exit 3"));

        _edged.AddPod(pod);

        var status = (await _edged.WaitForStatusAsync(pod, s => s.Phase() == "Failed", "Failed")).Status;
        Assert.Equal(3, status.Container("a").GetProperty("state").GetProperty("terminated").GetProperty("exitCode").GetInt32());
        Assert.Equal(0, status.Container("a").RestartCount());
    }

    [Fact]
    public async Task Start_NodeStatusPatchReported()
    {
        var patch = await _edged.Meta.WaitAsync(
            r => r.Snapshot().FirstOrDefault(e => e.Route.Resource == "null/nodepatch/edge-test-node"), TimeSpan.FromSeconds(20), "node status");

        using var doc = System.Text.Json.JsonDocument.Parse(patch.Content.AsString()!);
        var status = doc.RootElement.GetProperty("status");
        Assert.Equal(Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture), status.GetProperty("capacity").GetProperty("cpu").GetString());
        Assert.EndsWith("Ki", status.GetProperty("allocatable").GetProperty("memory").GetString(), StringComparison.Ordinal);
        var types = status.GetProperty("conditions").EnumerateArray().Select(c => c.GetProperty("type").GetString()).ToList();
        Assert.Equal(["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"], types);
        Assert.Equal("True", status.GetProperty("conditions")[3].GetProperty("status").GetString());
        Assert.StartsWith("edgeactors-process://", status.GetProperty("nodeInfo").GetProperty("containerRuntimeVersion").GetString(), StringComparison.Ordinal);
    }

    protected override void AfterAll()
    {
        _edged.Dispose();
        base.AfterAll();
    }
}
