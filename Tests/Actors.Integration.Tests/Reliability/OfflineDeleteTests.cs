namespace Actors.Integration.Tests.Reliability;

/// <summary>
/// A pod deleted in the cloud while its edge is offline (edgecore stopped or SIGKILLed) is confirmed by the edge once it
/// is back: stopped (no process of it left), then gone from kubectl and from the edge store.
/// </summary>
public sealed class OfflineDeleteTests
{
    private const string Pod = "doomed";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PodDeleted_EdgeOffline_RemovedFromEdgeAndCloudAfterReconnect(bool killed)
    {
        var marker = "edgeactors-rel2-" + Guid.NewGuid().ToString("N");
        using var pair = await EdgeCloudPair.StartAsync("edge-rel-2");
        try
        {
            await pair.ApplyAsync("pod.json", Pods.Sleeper(Pod, pair.NodeName, marker));
            await pair.UntilAsync("pod Running in kubectl and its process up", async () =>
            {
                var (exit, stdout, stderr) = await pair.TryKubectlAsync("get", "pod", Pod, "-o", "json");
                var phase = exit == 0 ? Pods.Status(stdout).Phase : stderr.Trim();
                return phase == "Running" && MarkedProcesses.Find(marker).Count == 1 ? null : phase;
            });
            pair.Check(EdgeStore.Get(pair.EdgeDatabase, "default/pod/" + Pod) is not null, "the edge store does not hold the pod");

            if (killed)
            {
                await pair.KillEdgeAsync();
            }
            else
            {
                await pair.StopEdgeAsync();
            }

            await pair.UntilAsync("node NotReady after the edge left", async () =>
            {
                var ready = await pair.KubectlAsync("get", "node", pair.NodeName, "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}");
                return ready.Trim() == "True" ? "Ready=True" : null;
            });

            // Graceful deletion of a bound pod: the object stays (deletionTimestamp) until its node confirms.
            await pair.KubectlAsync("delete", "pod", Pod, "--wait=false");
            var terminating = await pair.KubectlAsync("get", "pod", Pod, "-o", "jsonpath={.metadata.deletionTimestamp}");
            pair.Check(terminating.Trim().Length > 0, "the deleted pod has no deletionTimestamp while its node is offline");

            await pair.StartEdgeAsync();
            await pair.UntilAsync("pod gone from kubectl", async () =>
            {
                var (exit, stdout, stderr) = await pair.TryKubectlAsync("get", "pod", Pod, "-o", "name");
                return exit != 0 && stderr.Contains("NotFound", StringComparison.Ordinal) ? null : "exit " + exit + ": " + stdout.Trim() + stderr.Trim();
            });
            await pair.UntilAsync("pod gone from the edge's store", () =>
                Task.FromResult(EdgeStore.Get(pair.EdgeDatabase, "default/pod/" + Pod) is null ? null : "still stored"));
            // The cloud removes the pod only once the edge confirmed it stopped it; after a SIGKILL the restarted
            // edgecore first killed the previous instance's leftover process.
            pair.Check(MarkedProcesses.Find(marker).Count == 0, "the deleted pod's process still runs");

            await pair.StopEdgeAsync();
        }
        finally
        {
            MarkedProcesses.KillAll(marker);
        }
    }
}
