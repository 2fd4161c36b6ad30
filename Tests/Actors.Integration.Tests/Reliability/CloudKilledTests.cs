using System.Net;

namespace Actors.Integration.Tests.Reliability;

/// <summary>Edge autonomy: cloudcore SIGKILLed, the edge keeps its pod running and reporting; statuses catch up after a restart.</summary>
public sealed class CloudKilledTests
{
    private const string Pod = "sleeper";

    [Fact]
    public async Task CloudKilled_PodRunning_EdgeKeepsPodAndStatusesCatchUpAfterRestart()
    {
        var marker = "edgeactors-rel1-" + Guid.NewGuid().ToString("N");
        using var pair = await EdgeCloudPair.StartAsync("edge-rel-1");
        try
        {
            await pair.ApplyAsync("pod.json", Pods.Sleeper(Pod, pair.NodeName, marker));
            await UntilKubectlAsync(pair, "Running", minRestarts: 0);
            var pid = await SinglePodProcessAsync(pair, marker);

            await pair.KillCloudAsync();
            var rejected = (Func<string, bool>)(l => l.Contains("Rejected patch of default/podpatch/" + Pod, StringComparison.Ordinal));
            var before = pair.CountEdgeLines(rejected);
            await pair.UntilEdgeLinesAsync("three pod status reports refused while the cloud is down", rejected, before + 3);
            pair.Check(MarkedProcesses.IsAlive(pid), "the pod's process " + pid + " died while the cloud was down");
            await AssertEdgeSeesRunningAsync(pair, minRestarts: 0);

            // A change made while the cloud is away: the container dies, EdgeD restarts it (restart count 1).
            MarkedProcesses.KillAll(marker);
            await pair.UntilAsync("the pod's container restarted by EdgeD", () => Task.FromResult(
                MarkedProcesses.Find(marker) is [var p] && p != pid ? null : "processes: " + string.Join(',', MarkedProcesses.Find(marker))));
            await AssertEdgeSeesRunningAsync(pair, minRestarts: 1);

            await pair.StartCloudAsync();
            await pair.UntilNodeReadyAsync();
            await UntilKubectlAsync(pair, "Running", minRestarts: 1);
            await pair.StopEdgeAsync();
        }
        finally
        {
            MarkedProcesses.KillAll(marker);
        }
    }

    private static async Task<int> SinglePodProcessAsync(EdgeCloudPair pair, string marker)
    {
        var pid = 0;
        await pair.UntilAsync("one process of the pod", () =>
        {
            var found = MarkedProcesses.Find(marker);
            pid = found.Count == 1 ? found[0] : 0;
            return Task.FromResult(found.Count == 1 ? null : found.Count + " processes");
        });
        return pid;
    }

    /// <summary>The edge's own view: MetaServer serves the pod and the stored status (what EdgeD reported last) is Running.</summary>
    private static async Task AssertEdgeSeesRunningAsync(EdgeCloudPair pair, int minRestarts)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var response = await http.GetAsync(new Uri("http://127.0.0.1:" + pair.MetaServerPort + "/api/v1/namespaces/default/pods/" + Pod));
        pair.Check(response.StatusCode == HttpStatusCode.OK, "MetaServer GET pod: " + response.StatusCode);
        await pair.UntilAsync("EdgeD's stored status Running with ≥ " + minRestarts + " restarts", () =>
        {
            var status = EdgeStore.PodPatchStatus(pair.EdgeDatabase, "default", Pod);
            var (phase, restarts) = status is { } s ? Pods.Status(s) : ("(none)", 0);
            return Task.FromResult(phase == "Running" && restarts >= minRestarts ? null : phase + ", restarts " + restarts);
        });
    }

    private static Task UntilKubectlAsync(EdgeCloudPair pair, string phase, int minRestarts) =>
        pair.UntilAsync("pod " + phase + " in kubectl with ≥ " + minRestarts + " restarts", async () =>
        {
            var (exit, stdout, stderr) = await pair.TryKubectlAsync("get", "pod", Pod, "-o", "json");
            if (exit != 0)
            {
                return stderr.Trim();
            }

            var (p, restarts) = Pods.Status(stdout);
            return p == phase && restarts >= minRestarts ? null : p + ", restarts " + restarts;
        });
}
