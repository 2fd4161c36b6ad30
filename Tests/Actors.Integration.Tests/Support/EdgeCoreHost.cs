using System.Net;

namespace Actors.Integration.Tests.Support;

/// <summary>A real edgecore process with its own data directory and free local ports.</summary>
internal sealed class EdgeCoreHost : IDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly HostProcess _process;

    private EdgeCoreHost(HostProcess process, string dataDir, int metricsPort)
    {
        _process = process;
        DataDir = dataDir;
        MetricsPort = metricsPort;
    }

    public string DataDir { get; }

    public int MetricsPort { get; }

    public HostProcess Process => _process;

    /// <summary>Starts edgecore and waits until its root actor runs.</summary>
    public static Task<EdgeCoreHost> StartAsync(string dataDir, string nodeName, IEnumerable<string>? overrides = null) =>
        StartAsync(dataDir, nodeName, [], overrides);

    /// <summary>Runs edgecore again with the config an earlier <see cref="JoinAndStartAsync"/> wrote in <paramref name="dataDir"/>.</summary>
    public static Task<EdgeCoreHost> StartJoinedAsync(string dataDir, string nodeName, IEnumerable<string>? overrides = null) =>
        StartAsync(dataDir, nodeName, ["--config", Path.Combine(dataDir, "edgecore.conf")], overrides);

    private static async Task<EdgeCoreHost> StartAsync(string dataDir, string nodeName, IEnumerable<string> leading, IEnumerable<string>? overrides)
    {
        var metrics = Ports.Free();
        var args = new List<string> { "run" };
        args.AddRange(leading);
        args.AddRange(new[]
        {
            "--data-dir", dataDir,
            "-D", "edgecore.node-name=" + nodeName,
            "-D", "edgecore.metrics.port=" + metrics,
        });
        foreach (var o in overrides ?? [])
        {
            args.Add("-D");
            args.Add(o);
        }

        var process = HostProcess.Start("edgecore.dll", args);
        var host = new EdgeCoreHost(process, dataDir, metrics);
        try
        {
            await process.WaitForLineAsync(l => l.Contains("edgecore started", StringComparison.Ordinal), Deadline);
            await process.WaitForLineAsync(l => l.Contains("Health and metrics on", StringComparison.Ordinal), Deadline);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    /// <summary><c>edgecore join --no-start</c> against <paramref name="cloud"/>, then <c>edgecore run</c> with the written config.</summary>
    public static async Task<EdgeCoreHost> JoinAndStartAsync(CloudCoreHost cloud, string dataDir, string nodeName, IEnumerable<string>? overrides = null)
    {
        var token = await cloud.TokenAsync();
        var (exit, stdout, stderr) = await HostProcess.RunAsync("edgecore.dll",
        [
            "join", "--cloud", "127.0.0.1:" + cloud.HubPort, "--cert-port", cloud.CertPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--token", token, "--node-name", nodeName, "--data-dir", dataDir, "--no-start",
        ]);
        Assert.True(exit == 0, "edgecore join failed: " + stdout + stderr);
        return await StartAsync(dataDir, nodeName, ["--config", Path.Combine(dataDir, "edgecore.conf")], overrides);
    }

    /// <summary><c>edgecore run</c> again with the config an earlier join wrote (a restart of a joined node).</summary>
    public static Task<EdgeCoreHost> RestartJoinedAsync(string dataDir, string nodeName, IEnumerable<string>? overrides = null) =>
        StartAsync(dataDir, nodeName, ["--config", Path.Combine(dataDir, "edgecore.conf")], overrides);

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var response = await http.GetAsync(new Uri("http://127.0.0.1:" + MetricsPort + path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<int> StopAsync()
    {
        _process.Signal("TERM");
        return await _process.WaitForExitAsync(Deadline);
    }

    /// <summary>SIGKILL: no shutdown hooks run (crash simulation).</summary>
    public void Kill() => _process.Signal("KILL");

    public void Dispose() => _process.Dispose();
}
