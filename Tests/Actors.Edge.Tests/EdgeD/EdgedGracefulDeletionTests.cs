using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Edge.Tests.EdgeD.Support;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Tests.EdgeD;

/// <summary>
/// A pod deleted in the cloud arrives as an update with <c>deletionTimestamp</c>: EdgeD stops it within the deletion's
/// grace period and only then confirms with a delete carrying the pod's UID (process runtime, real processes).
/// </summary>
public sealed class EdgedGracefulDeletionTests : TestKit.TestKit
{
    private const string Image = "busybox";
    private readonly EdgedHarness _edged;

    public EdgedGracefulDeletionTests(Xunit.Abstractions.ITestOutputHelper output)
        : base(output: output) => _edged = new EdgedHarness(Sys, TimeProvider.System);

    private static JsonObject Deleting(JsonObject pod, int graceSeconds)
    {
        var copy = pod.DeepClone().AsObject();
        copy["metadata"]!["deletionTimestamp"] = "2026-11-22T10:00:00Z";
        copy["metadata"]!["deletionGracePeriodSeconds"] = graceSeconds;
        return copy;
    }

    private Task<MessageEnvelope> ConfirmationAsync(string name) => _edged.Meta.WaitAsync(
        r => r.Snapshot().FirstOrDefault(e => e.Route.Operation == Operations.Delete && e.Route.Resource == "default/pod/" + name),
        TimeSpan.FromSeconds(20), "pod delete confirmation sent to metamanager");

    private static string PreconditionUid(MessageEnvelope confirmation)
    {
        using var doc = JsonDocument.Parse(confirmation.Content.AsString()!);
        Assert.Equal(0, doc.RootElement.GetProperty("gracePeriodSeconds").GetInt32());
        return doc.RootElement.GetProperty("preconditions").GetProperty("uid").GetString()!;
    }

    [Fact]
    public async Task UpdateWithDeletionTimestamp_RunningPod_StoppedGracefullyThenConfirmed()
    {
        var marker = Path.Combine(_edged.Root, "terminated");
        var armed = Path.Combine(_edged.Root, "armed");
        var pod = PodJson.Pod("graceful", "Always", PodJson.Shell("a", Image,
            "trap 'echo bye > " + marker + "; exit 0' TERM; touch " + armed + "; while true; do sleep 0.1; done"));
        _edged.AddPod(pod);
        await _edged.WaitForStatusAsync(pod, s => s.AllRunning(), "Running");
        AwaitCondition(() => File.Exists(armed), TimeSpan.FromSeconds(20), message: "the container's TERM trap is set");

        _edged.AddPod(Deleting(pod, 10), Operations.Update);

        var confirmation = await ConfirmationAsync("graceful");
        Assert.Equal(pod.Uid(), PreconditionUid(confirmation));
        Assert.True(File.Exists(marker), "the container did not get SIGTERM within its grace period before the confirmation");
        Assert.DoesNotContain(await _edged.Runtime.Runtime.ListPodSandboxAsync(), s => s.Metadata.Uid == pod.Uid());
    }

    [Fact]
    public async Task UpdateWithDeletionTimestamp_PodNeverRanHere_ConfirmedWithoutStarting()
    {
        var pod = PodJson.Pod("never", "Always", PodJson.Shell("a", Image, "sleep 600"));

        _edged.AddPod(Deleting(pod, 30));

        var confirmation = await ConfirmationAsync("never");
        Assert.Equal(pod.Uid(), PreconditionUid(confirmation));
        Assert.Empty(await _edged.Runtime.Runtime.ListPodSandboxAsync());
    }
}
