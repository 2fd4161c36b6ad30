using Actors.Integration.Tests.Support;

namespace Actors.Integration.Tests.EndToEnd;

/// <summary>
/// An edge that goes silent (process stopped with SIGSTOP, its connection still open) is dropped after the
/// keepalive interval: the node's Ready condition becomes Unknown, its pod is not evicted; when the edge resumes,
/// it reconnects and the node is Ready again with the same pod Running.
/// </summary>
public sealed class KeepaliveLossTests : IDisposable
{
    private const string Node = "edge-silent-1";
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(120);
    private readonly TempConfig _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SilentEdge_KeepaliveLost_NodeUnknownPodKeptThenReadyAfterResume()
    {
        using var cloud = await CloudCoreHost.StartAsync(Path.Combine(_dir.Dir, "cloud"), ["cloudcore.modules.cloudhub.keepalive-interval=4s"]);
        using var edge = await EdgeCoreHost.JoinAndStartAsync(cloud, Path.Combine(_dir.Dir, "edge"), Node,
            ["edgecore.modules.edgehub.heartbeat=1s", "edgecore.modules.eventbus.internal-server=tcp://127.0.0.1:" + Ports.Free()]);
        string Logs() => "---- cloudcore\n" + cloud.Process.StdOut + "\n---- edgecore\n" + edge.Process.StdOut;
        const string ready = "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}";

        var pod = Path.Combine(_dir.Dir, "pod.yaml");
        await File.WriteAllTextAsync(pod, """
            apiVersion: v1
            kind: Pod
            metadata: {name: sleeper, namespace: default}
            spec:
              nodeName: edge-silent-1
              containers: [{name: main, image: busybox, command: ["sleep", "3600"]}]
            """);
        Assert.Equal(0, (await cloud.KubectlAsync("apply", "-f", pod)).Exit);
        await Eventually.KubectlAsync(cloud, "True", Long, Logs, "get", "node", Node, "-o", ready);
        await Eventually.KubectlAsync(cloud, "Running", Long, Logs, "get", "pod", "sleeper", "-o", "jsonpath={.status.phase}");
        // The node lease (kube-node-lease) is renewed by the edge, as a kubelet's.
        await Eventually.KubectlAsync(cloud, Node + "/40", Long, Logs,
            "get", "lease", "-n", "kube-node-lease", Node, "-o", "jsonpath={.spec.holderIdentity}/{.spec.leaseDurationSeconds}");
        var uid = (await cloud.KubectlAsync("get", "pod", "sleeper", "-o", "jsonpath={.metadata.uid}")).StdOut.Trim();

        edge.Process.Signal("STOP");
        try
        {
            await Eventually.KubectlAsync(cloud, "Unknown", Long, Logs, "get", "node", Node, "-o", ready);
            Assert.Equal(uid, (await cloud.KubectlAsync("get", "pod", "sleeper", "-o", "jsonpath={.metadata.uid}")).StdOut.Trim());
        }
        finally
        {
            edge.Process.Signal("CONT");
        }

        await Eventually.KubectlAsync(cloud, "True", Long, Logs, "get", "node", Node, "-o", ready);
        await Eventually.KubectlAsync(cloud, uid + "/Running", Long, Logs, "get", "pod", "sleeper", "-o", "jsonpath={.metadata.uid}/{.status.phase}");

        Assert.Equal(0, await edge.StopAsync());
        Assert.Equal(0, await cloud.StopAsync());
    }
}
