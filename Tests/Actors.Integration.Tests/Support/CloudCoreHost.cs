using System.Net;

namespace Actors.Integration.Tests.Support;

/// <summary>A real cloudcore process on loopback with free ports and its own data directory.</summary>
internal sealed class CloudCoreHost : IDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly HostProcess _process;

    private CloudCoreHost(HostProcess process, string dataDir, int metricsPort)
    {
        _process = process;
        DataDir = dataDir;
        MetricsPort = metricsPort;
    }

    public string DataDir { get; }

    public int MetricsPort { get; }

    public string Kubeconfig => Path.Combine(DataDir, "kubeconfig");

    public HostProcess Process => _process;

    /// <summary>Starts cloudcore and waits until its embedded API server serves.</summary>
    public static async Task<CloudCoreHost> StartAsync(string dataDir, IEnumerable<string>? overrides = null)
    {
        var metrics = Ports.Free();
        var args = new List<string>
        {
            "run", "--data-dir", dataDir,
            "-D", "cloudcore.modules.apiserver.listen=127.0.0.1:" + Ports.Free(),
            "-D", "cloudcore.metrics.port=" + metrics,
        };
        foreach (var o in overrides ?? [])
        {
            args.Add("-D");
            args.Add(o);
        }

        var process = HostProcess.Start("cloudcore.dll", args);
        var host = new CloudCoreHost(process, dataDir, metrics);
        try
        {
            await process.WaitForLineAsync(l => l.Contains("embedded Kubernetes API server serving at", StringComparison.Ordinal), Deadline);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }

    public Task<(int Exit, string StdOut, string StdErr)> KubectlAsync(params string[] args) => Kubectl.RunAsync(Kubeconfig, args);

    public async Task<HttpStatusCode> GetStatusAsync(string path)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        using var response = await http.GetAsync(new Uri("http://127.0.0.1:" + MetricsPort + path));
        return response.StatusCode;
    }

    /// <summary>SIGTERM and wait; the exit code (0 = clean).</summary>
    public async Task<int> StopAsync()
    {
        _process.Signal("TERM");
        return await _process.WaitForExitAsync(Deadline);
    }

    public void Dispose() => _process.Dispose();
}
