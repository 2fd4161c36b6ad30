using System.Globalization;
using System.Text;
using Actors.Integration.Tests.Support;
using Xunit.Sdk;

namespace Actors.Integration.Tests.Reliability;

/// <summary>
/// One cloudcore and one joined edgecore (process runtime, MetaServer on, internal MQTT broker) on fixed free loopback
/// ports, so either process can be killed and started again on the same data directory and the other finds it. Keeps
/// the output of every incarnation for failure messages.
/// </summary>
internal sealed class EdgeCloudPair : IDisposable
{
    /// <summary>Deadline for a process restart or a convergence after one (the machine is loaded).</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private readonly TempConfig _dir = new();
    private readonly List<string> _pastLogs = [];
    private readonly int _apiPort = Ports.Free();
    private readonly int _hubPort = Ports.Free();
    private readonly int _certPort = Ports.Free();

    private EdgeCloudPair(string nodeName) => NodeName = nodeName;

    public string NodeName { get; }

    public string CloudDir => Path.Combine(_dir.Dir, "cloud");

    public string EdgeDir => Path.Combine(_dir.Dir, "edge");

    /// <summary>The edge's SQLite store (MetaManager's <c>meta</c> table, DeviceTwin's tables).</summary>
    public string EdgeDatabase => Path.Combine(EdgeDir, "edgecore.db");

    public int MetaServerPort { get; } = Ports.Free();

    public int MqttPort { get; } = Ports.Free();

    public CloudCoreHost? Cloud { get; private set; }

    public EdgeCoreHost? Edge { get; private set; }

    /// <summary>Starts cloudcore, joins the edge and waits until the node is Ready in kubectl.</summary>
    public static async Task<EdgeCloudPair> StartAsync(string nodeName)
    {
        var pair = new EdgeCloudPair(nodeName);
        try
        {
            await pair.StartCloudAsync();
            pair.Edge = await EdgeCoreHost.JoinAndStartAsync(pair.Cloud!, pair.EdgeDir, nodeName, pair.EdgeOverrides());
            await pair.UntilNodeReadyAsync();
            return pair;
        }
        catch
        {
            pair.Dispose();
            throw;
        }
    }

    public async Task StartCloudAsync()
    {
        Assert.Null(Cloud);
        Cloud = await CloudCoreHost.StartAsync(CloudDir,
        [
            "cloudcore.modules.apiserver.listen=127.0.0.1:" + _apiPort,
            "cloudcore.modules.cloudhub.websocket.port=" + _hubPort,
            "cloudcore.modules.cloudhub.https.port=" + _certPort,
        ]);
    }

    /// <summary>SIGKILL cloudcore (no shutdown hooks) and wait until it is gone.</summary>
    public async Task KillCloudAsync()
    {
        var cloud = Cloud ?? throw new InvalidOperationException("cloudcore is not running");
        cloud.Process.Signal("KILL");
        await cloud.Process.WaitForExitAsync(Deadline);
        Retire("cloudcore", cloud.Process);
        cloud.Dispose();
        Cloud = null;
    }

    public async Task StartEdgeAsync()
    {
        Assert.Null(Edge);
        Edge = await EdgeCoreHost.StartJoinedAsync(EdgeDir, NodeName, EdgeOverrides());
    }

    /// <summary>SIGTERM edgecore and wait for a clean exit.</summary>
    public async Task StopEdgeAsync()
    {
        var edge = Edge ?? throw new InvalidOperationException("edgecore is not running");
        var exit = await edge.StopAsync();
        Retire("edgecore", edge.Process);
        edge.Dispose();
        Edge = null;
        Check(exit == 0, "edgecore did not stop cleanly (exit " + exit + ")");
    }

    /// <summary>SIGKILL edgecore and wait until it is gone.</summary>
    public async Task KillEdgeAsync()
    {
        var edge = Edge ?? throw new InvalidOperationException("edgecore is not running");
        edge.Kill();
        await edge.Process.WaitForExitAsync(Deadline);
        Retire("edgecore", edge.Process);
        edge.Dispose();
        Edge = null;
    }

    /// <summary>kubectl apply of one manifest (JSON or YAML text).</summary>
    public Task<string> ApplyAsync(string name, string manifest) => KubectlAsync("apply", "-f", _dir.Write(name, manifest));

    /// <summary>kubectl against the running cloudcore; a non-zero exit fails with both hosts' logs.</summary>
    public async Task<string> KubectlAsync(params string[] args)
    {
        var (exit, stdout, stderr) = await Kubectl.RunAsync(Path.Combine(CloudDir, "kubeconfig"), args);
        Check(exit == 0, "kubectl " + string.Join(' ', args) + " failed (" + exit + "): " + stderr);
        return stdout;
    }

    /// <summary>kubectl that may fail (e.g. NotFound); returns exit code and output.</summary>
    public Task<(int Exit, string StdOut, string StdErr)> TryKubectlAsync(params string[] args) =>
        Kubectl.RunAsync(Path.Combine(CloudDir, "kubeconfig"), args);

    public Task UntilNodeReadyAsync() => UntilAsync("node " + NodeName + " Ready in kubectl", async () =>
    {
        var (_, stdout, stderr) = await TryKubectlAsync("get", "node", NodeName, "-o", "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}");
        return stdout.Trim() == "True" ? null : "Ready='" + stdout.Trim() + "' " + stderr.Trim();
    });

    /// <summary>
    /// Polls <paramref name="check"/> (null = satisfied, otherwise what it saw) until it is satisfied or the deadline
    /// passes; then fails with the last observation and the hosts' logs.
    /// </summary>
    public async Task UntilAsync(string what, Func<Task<string?>> check, TimeSpan? deadline = null, TimeSpan? poll = null)
    {
        using var cts = new CancellationTokenSource(deadline ?? Deadline);
        string? last;
        while ((last = await check()) is not null)
        {
            if (cts.IsCancellationRequested)
            {
                throw new XunitException("not within " + (deadline ?? Deadline).TotalSeconds + " s: " + what + "; last seen: " + last + "\n" + Logs());
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(300), cts.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Awaits the <paramref name="count"/>-th output line of edgecore matching <paramref name="match"/>.</summary>
    public Task UntilEdgeLinesAsync(string what, Func<string, bool> match, int count) => UntilAsync(what, () =>
    {
        var seen = CountEdgeLines(match);
        return Task.FromResult(seen >= count ? null : seen + " of " + count);
    });

    /// <summary>How many lines of the running edgecore's output match.</summary>
    public int CountEdgeLines(Func<string, bool> match) =>
        Edge is { } e ? (e.Process.StdOut + "\n" + e.Process.StdErr).Split('\n').Count(match) : 0;

    public void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new XunitException(message + "\n" + Logs());
        }
    }

    /// <summary>Output of every past and the current incarnation of both hosts.</summary>
    public string Logs()
    {
        var text = new StringBuilder();
        foreach (var past in _pastLogs)
        {
            text.Append(past);
        }

        Append(text, "cloudcore (running)", Cloud?.Process);
        Append(text, "edgecore (running)", Edge?.Process);
        return text.ToString();
    }

    public void Dispose()
    {
        Edge?.Dispose();
        Cloud?.Dispose();
        _dir.Dispose();
    }

    private List<string> EdgeOverrides() =>
    [
        "edgecore.modules.edged.runtime=process",
        "edgecore.modules.edged.host-network-only=on",
        "edgecore.modules.edged.pod-status-update-frequency=2s",
        "edgecore.modules.edged.node-status-update-frequency=2s",
        "edgecore.modules.edgehub.reconnect-backoff-max=2s",
        "edgecore.modules.metamanager.metaserver.enable=on",
        "edgecore.modules.metamanager.metaserver.server=127.0.0.1:" + MetaServerPort,
        "edgecore.modules.eventbus.internal-server=tcp://127.0.0.1:" + MqttPort,
    ];

    private void Retire(string name, HostProcess process)
    {
        var text = new StringBuilder();
        Append(text, name + " (pid " + process.Id.ToString(CultureInfo.InvariantCulture) + ", ended)", process);
        _pastLogs.Add(text.ToString());
    }

    private static void Append(StringBuilder text, string title, HostProcess? process)
    {
        if (process is not null)
        {
            text.Append("==== ").Append(title).Append(" stdout:\n").Append(process.StdOut)
                .Append("\n==== ").Append(title).Append(" stderr:\n").Append(process.StdErr).Append('\n');
        }
    }
}
