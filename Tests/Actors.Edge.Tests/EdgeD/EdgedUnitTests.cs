using System.Text;
using Actors.Edge.Modules.EdgeD;
using Actors.Edge.Modules.EdgeD.Pleg;
using Actors.Edge.Modules.EdgeD.Pods;
using Actors.Edge.Modules.EdgeD.Status;
using Actors.Edge.Modules.EdgeD.Volumes;
using Actors.Edge.Tests.EdgeD.Support;
using Actors.Messages.Wire;
using Runtime.V1;

namespace Actors.Edge.Tests.EdgeD;

public sealed class EdgedUnitTests
{
    [Fact]
    public void WorkQueue_DeleteAfterAdd_CancelsAdditionAndDeletionsComeSeparately()
    {
        var queue = new PodWorkQueue();
        queue.Add(Pod("a"));
        queue.Add(Pod("b"));

        queue.Delete("default/a");

        Assert.Equal(["default/a"], queue.TakeDeletions());
        Assert.Equal(["default/b"], queue.TakeAdditions(_ => true).Select(p => p.Key));
        Assert.Empty(queue.TakeDeletions());
    }

    [Fact]
    public void WorkQueue_RepeatedUpdates_CollapseToLatestInArrivalOrder()
    {
        var queue = new PodWorkQueue();
        queue.Add(Pod("a"));
        queue.Add(Pod("b"));
        var latest = Pod("a");
        queue.Add(latest);

        var taken = queue.TakeAdditions(_ => true);

        Assert.Equal(["default/a", "default/b"], taken.Select(p => p.Key));
        Assert.Same(latest, taken[0]);
    }

    [Fact]
    public void WorkQueue_PodBeingDeleted_AdditionWaits()
    {
        var queue = new PodWorkQueue();
        queue.Add(Pod("a"));

        Assert.Empty(queue.TakeAdditions(key => key != "default/a"));
        Assert.Equal(1, queue.AdditionCount);
        Assert.Single(queue.TakeAdditions(_ => true));
    }

    [Fact]
    public void PlegDiff_StateChanges_GiveStartedDiedRemovedEvents()
    {
        var before = new Dictionary<string, (string, ContainerState)>
        {
            ["c1"] = ("u1", ContainerState.ContainerRunning),
            ["c2"] = ("u1", ContainerState.ContainerRunning),
            ["c3"] = ("u2", ContainerState.ContainerRunning),
        };
        var after = new Dictionary<string, (string, ContainerState)>
        {
            ["c1"] = ("u1", ContainerState.ContainerRunning),
            ["c2"] = ("u1", ContainerState.ContainerExited),
            ["c4"] = ("u3", ContainerState.ContainerRunning),
        };

        var events = PlegActor.Diff(before, after);

        Assert.Equal(
            [new("u1", "c2", "ContainerDied"), new("u3", "c4", "ContainerStarted"), new PodLifecycleEvent("u2", "c3", "ContainerRemoved")],
            events);
    }

    [Theory]
    [InlineData("[]", null)]
    [InlineData("null", null)]
    [InlineData("[\"{\\\"data\\\":{\\\"k\\\":\\\"v\\\"}}\"]", "v")]
    [InlineData("[{\"data\":{\"k\":\"v\"}}]", "v")]
    [InlineData("{\"data\":{\"k\":\"v\"}}", "v")]
    [InlineData("{\"Object\":{\"data\":{\"k\":\"v\"}},\"Err\":null}", "v")]
    public void MetaAnswer_LocalAndRemoteForms_Unwrapped(string content, string? value)
    {
        var obj = BusMetaQuery.Unwrap("default/configmap/c", MessageContent.FromJson(Encoding.UTF8.GetBytes(content)));

        Assert.Equal(value, obj?.GetProperty("data").GetProperty("k").GetString());
    }

    [Fact]
    public void MetaAnswer_NotJson_VolumeException()
    {
        Assert.Throws<VolumeException>(() => BusMetaQuery.Unwrap("default/configmap/c", MessageContent.FromJson("[\"{broken\"]"u8)));
    }

    [Fact]
    public void Meminfo_Parsed_InKilobytes()
    {
        var values = NodeResources.ParseMeminfo("MemTotal:       16318440 kB\nMemAvailable:    9000000 kB\nHugePages_Total:       0\nbad line\n");

        Assert.Equal(16318440, values["MemTotal"]);
        Assert.Equal(9000000, values["MemAvailable"]);
        Assert.Equal(0, values["HugePages_Total"]);
    }

    [Fact]
    public void NodeStatus_LowMemory_MemoryPressureAndAllocatableBelowCapacity()
    {
        var r = new NodeResources(4, 1024L * 1024 * 1024, 50L * 1024 * 1024, 100_000_000, 5_000_000, 1000, 950, "6.1", "m", "h", "10.0.0.2");

        var status = NodeStatusBuilder.Build(r, runtimeReady: false, "containerd://1.6", "v1", DateTimeOffset.UnixEpoch);

        var conditions = status["conditions"]!.AsArray().ToDictionary(c => c!["type"]!.GetValue<string>(), c => c!["status"]!.GetValue<string>());
        Assert.Equal("True", conditions["MemoryPressure"]);
        Assert.Equal("True", conditions["DiskPressure"]);
        Assert.Equal("True", conditions["PIDPressure"]);
        Assert.Equal("False", conditions["Ready"]);
        Assert.Equal("1048576Ki", status["capacity"]!["memory"]!.GetValue<string>());
        Assert.Equal("946176Ki", status["allocatable"]!["memory"]!.GetValue<string>());
        Assert.Equal("4", status["capacity"]!["cpu"]!.GetValue<string>());
    }

    [Fact]
    public void NodeStatus_TransitionTime_MovesOnlyWhenStatusChanges()
    {
        var r = new NodeResources(2, 1L << 30, 1L << 29, 100, 90, 1000, 10, "k", "m", "h", "10.0.0.2");
        var transitions = new Dictionary<string, (bool, DateTimeOffset)>();
        static string Ready(System.Text.Json.Nodes.JsonObject s) =>
            s["conditions"]!.AsArray().First(c => c!["type"]!.GetValue<string>() == "Ready")!["lastTransitionTime"]!.GetValue<string>();

        var first = Ready(NodeStatusBuilder.Build(r, true, "v", "v", DateTimeOffset.UnixEpoch, transitions));
        var same = Ready(NodeStatusBuilder.Build(r, true, "v", "v", DateTimeOffset.UnixEpoch.AddSeconds(10), transitions));
        var flipped = Ready(NodeStatusBuilder.Build(r, false, "v", "v", DateTimeOffset.UnixEpoch.AddSeconds(20), transitions));

        Assert.Equal("1970-01-01T00:00:00Z", first);
        Assert.Equal(first, same);
        Assert.Equal("1970-01-01T00:00:20Z", flipped);
    }

    [Fact]
    public void Settings_Invalid_ModuleRejectedWithEveryError()
    {
        var settings = new EdgedSettings("", "relative", "/logs", _ => throw new InvalidOperationException()) { PlegRelistPeriod = TimeSpan.Zero };

        var e = Assert.Throws<ArgumentException>(() => new EdgedModule(settings));

        Assert.Contains("node name", e.Message, StringComparison.Ordinal);
        Assert.Contains("pods root", e.Message, StringComparison.Ordinal);
        Assert.Contains("pleg-relist-period", e.Message, StringComparison.Ordinal);
    }

    private static PodModel Pod(string name) =>
        PodSpecParser.Parse(Encoding.UTF8.GetBytes(PodJson.Pod(name, "Always", PodJson.Shell("c", "busybox", "true")).ToJsonString()));
}
