using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Edge.Tests.EdgeD.Support;

namespace Actors.Edge.Tests.EdgeD;

/// <summary>Init containers on the process runtime (real processes): in order, to success, before the app containers.</summary>
public sealed class EdgedInitContainerTests : TestKit.TestKit
{
    private const string Image = "busybox";
    private readonly EdgedHarness _edged;

    public EdgedInitContainerTests(Xunit.Abstractions.ITestOutputHelper output)
        : base(output: output) => _edged = new EdgedHarness(Sys, TimeProvider.System);

    private static JsonObject WithInit(JsonObject pod, params JsonObject[] init)
    {
        pod["spec"]!["initContainers"] = new JsonArray([.. init]);
        return pod;
    }

    private static JsonElement Init(JsonElement status, string name) =>
        status.GetProperty("initContainerStatuses").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Fact]
    public async Task InitContainers_RunInOrderBeforeTheApp()
    {
        var log = Path.Combine(_edged.Root, "order.txt");
        var pod = WithInit(
            PodJson.Pod("inits", "Never", PodJson.Shell("app", Image, $"echo app >> '{log}'")),
            PodJson.Shell("first", Image, $"sleep 0.3; echo first >> '{log}'"),
            PodJson.Shell("second", Image, $"echo second >> '{log}'"));

        _edged.AddPod(pod);

        var status = (await _edged.WaitForStatusAsync(pod, s => s.Phase() == "Succeeded", "Succeeded")).Status;
        Assert.Equal(["first", "second", "app"], await File.ReadAllLinesAsync(log));
        Assert.Equal("True", status.Condition("Initialized"));
        Assert.Equal(0, Init(status, "second").GetProperty("state").GetProperty("terminated").GetProperty("exitCode").GetInt32());
    }

    [Fact]
    public async Task InitContainer_FailsWithRestartNever_PodFailedAppNeverStarted()
    {
        var pod = WithInit(PodJson.Pod("init-fails", "Never", PodJson.Shell("app", Image, "sleep 600")), PodJson.Shell("check", Image, "exit 3"));

        _edged.AddPod(pod);

        var status = (await _edged.WaitForStatusAsync(pod, s => s.Phase() == "Failed", "Failed")).Status;
        Assert.Equal("False", status.Condition("Initialized"));
        Assert.Equal("PodInitializing", status.Container("app").WaitingReason());
        Assert.Equal(3, Init(status, "check").GetProperty("lastState").GetProperty("terminated").GetProperty("exitCode").GetInt32());
        var containers = await _edged.Runtime.Runtime.ListContainersAsync();
        Assert.DoesNotContain(containers, c => c.Metadata.Name == "app");
    }

    [Fact]
    public async Task InitContainer_FailsOnceWithOnFailure_RetriedThenAppRuns()
    {
        var marker = Path.Combine(_edged.Root, "tried");
        var pod = WithInit(
            PodJson.Pod("init-retry", "OnFailure", PodJson.Shell("app", Image, "sleep 600")),
            PodJson.Shell("flaky", Image, $"if [ -e '{marker}' ]; then exit 0; fi; touch '{marker}'; exit 1"));

        _edged.AddPod(pod);

        var status = (await _edged.WaitForStatusAsync(pod, s => s.AllRunning(), "app Running after the retried init")).Status;
        Assert.Equal("True", status.Condition("Initialized"));
        Assert.Equal(1, Init(status, "flaky").GetProperty("restartCount").GetInt32());
    }
}
