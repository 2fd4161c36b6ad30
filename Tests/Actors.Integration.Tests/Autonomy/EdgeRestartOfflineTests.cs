using System.Globalization;
using Actors.Integration.Tests.Support;

namespace Actors.Integration.Tests.Autonomy;

/// <summary>
/// Edge autonomy end to end (issues 6 and 7): a joined edgecore runs a pod (process runtime); cloudcore stops; the
/// edgecore is SIGKILLed and started again with the cloud down; the pod runs again from the local store; cloudcore
/// comes back and kubectl shows the pod Running with the new container's status.
/// </summary>
public sealed class EdgeRestartOfflineTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly TempConfig _dir = new();
    private readonly string _token = (3000 + Random.Shared.Next(5000)).ToString(CultureInfo.InvariantCulture) + "." + Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task EdgeRestart_CloudDownAndSigkill_PodRestoredThenRunningInKubectlAfterReconnect()
    {
        var (cloudDir, edgeDir) = (Path.Combine(_dir.Dir, "cloud"), Path.Combine(_dir.Dir, "edge"));
        var cloud = await CloudCoreHost.StartAsync(cloudDir);
        var hubPort = cloud.HubPort;
        var edge = await EdgeCoreHost.JoinAndStartAsync(cloud, edgeDir, "edge-auto-1");
        try
        {
            await ApplyPodAsync(cloud);
            var before = await WaitRunningInKubectlAsync(cloud, null);
            var first = Assert.Single(Sleepers());
            Assert.Equal(edge.Process.Id, first.ParentPid);

            Assert.Equal(0, await cloud.StopAsync());
            cloud.Dispose();
            edge.Kill();
            await edge.Process.WaitForExitAsync(Deadline);
            edge.Dispose();

            edge = await EdgeCoreHost.RestartJoinedAsync(edgeDir, "edge-auto-1");
            await edge.Process.WaitForLineAsync(l => l.Contains("EdgeD restored 1 pods from the local store", StringComparison.Ordinal), Deadline);
            var again = await WaitForAsync(() => Sleepers() is [var one] && one.ParentPid == edge.Process.Id ? one : ((int Pid, int ParentPid)?)null, "the pod's process running under the new edgecore");
            Assert.NotEqual(first.Pid, again.Pid); // the crashed instance's process was killed, not left running twice
            Assert.DoesNotContain(Sleepers(), p => p.Pid == first.Pid);

            cloud = await CloudCoreHost.StartAsync(cloudDir, ["cloudcore.modules.cloudhub.websocket.port=" + hubPort.ToString(CultureInfo.InvariantCulture)]);
            var after = await WaitRunningInKubectlAsync(cloud, before);
            Assert.NotEqual(before, after);
            Assert.Single(Sleepers());

            Assert.Equal(0, await edge.StopAsync());
            Assert.Equal(0, await cloud.StopAsync());
        }
        finally
        {
            edge.Dispose();
            cloud.Dispose();
        }
    }

    private IReadOnlyList<(int Pid, int ParentPid)> Sleepers() =>
        ProcessTable.Find(argv => argv.Length == 2 && argv[0].EndsWith("sleep", StringComparison.Ordinal) && argv[1] == _token);

    private async Task ApplyPodAsync(CloudCoreHost cloud)
    {
        var file = Path.Combine(_dir.Dir, "pod.json");
        await File.WriteAllTextAsync(file, $$$"""
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"autonomy","namespace":"default"},
             "spec":{"nodeName":"edge-auto-1","restartPolicy":"Always","terminationGracePeriodSeconds":1,
                     "containers":[{"name":"main","image":"busybox","command":["sleep","{{{_token}}}"]}]}}
            """);
        var (exit, stdout, stderr) = await cloud.KubectlAsync("apply", "-f", file);
        Assert.True(exit == 0, "kubectl apply failed: " + stdout + stderr);
    }

    /// <summary>Waits until kubectl shows the pod Running with a container id other than <paramref name="not"/>; returns that id.</summary>
    private static Task<string> WaitRunningInKubectlAsync(CloudCoreHost cloud, string? not) => WaitForAsync(async () =>
    {
        var (_, stdout, _) = await cloud.KubectlAsync("get", "pod", "autonomy", "-o",
            "jsonpath={.status.phase} {.status.containerStatuses[0].containerID} {.status.containerStatuses[0].state.running.startedAt}");
        var parts = stdout.Trim().Split(' ');
        return parts is ["Running", { Length: > 0 } id, { Length: > 0 }] && id != not ? id : null;
    }, "the pod Running in kubectl" + (not is null ? string.Empty : " with a new container id"));

    private static Task<T> WaitForAsync<T>(Func<T?> probe, string what)
        where T : struct => WaitForAsync(() => Task.FromResult(probe()), what);

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe, string what)
        where T : struct
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < until, "timed out after " + Deadline.TotalSeconds + " s waiting for " + what);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static async Task<string> WaitForAsync(Func<Task<string?>> probe, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < until, "timed out after " + Deadline.TotalSeconds + " s waiting for " + what);
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
