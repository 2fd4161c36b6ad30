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

    /// <summary>CloudHub's WebSocket port (127.0.0.1).</summary>
    public int HubPort { get; private set; }

    /// <summary>The certificate service's port (127.0.0.1).</summary>
    public int CertPort { get; private set; }

    /// <summary>A join token from <c>cloudcore token</c> for this data directory.</summary>
    public async Task<string> TokenAsync()
    {
        var (exit, stdout, stderr) = await HostProcess.RunAsync("cloudcore.dll", ["token", "--data-dir", DataDir]);
        Assert.True(exit == 0, "cloudcore token failed: " + stderr);
        return stdout.Trim();
    }

    private static int PortOf(string line)
    {
        var digits = new string(line.Reverse().SkipWhile(c => !char.IsAsciiDigit(c)).TakeWhile(char.IsAsciiDigit).Reverse().ToArray());
        return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }

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
            "-D", "cloudcore.modules.cloudhub.websocket.address=127.0.0.1", "-D", "cloudcore.modules.cloudhub.websocket.port=0",
            "-D", "cloudcore.modules.cloudhub.https.address=127.0.0.1", "-D", "cloudcore.modules.cloudhub.https.port=0",
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
            await process.WaitForLineAsync(l => l.Contains("Health and metrics on", StringComparison.Ordinal), Deadline);
            host.HubPort = PortOf(await process.WaitForLineAsync(l => l.Contains("CloudHub WebSocket server bound to port", StringComparison.Ordinal), Deadline));
            host.CertPort = PortOf(await process.WaitForLineAsync(l => l.Contains("CloudHub certificate service bound to port", StringComparison.Ordinal), Deadline));
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
