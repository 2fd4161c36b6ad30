using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Actors.Cloud.Tests.ApiServer;
using Actors.Cloud.Tests.CloudHub.Process;

namespace Actors.Cloud.Tests.Host;

/// <summary><c>cloudcore --data-dir DIR</c> with no kubeconfig serves the embedded Kubernetes API (issue 11).</summary>
public sealed class CloudCoreEmbeddedApiServerTests : IDisposable
{
    private const string Dll = "cloudcore.dll";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly string _dataDir = Directory.CreateTempSubdirectory("cloudcore-run-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public async Task Run_NoKubeconfig_ServesEmbeddedApiToKubectlAndExitsZeroOnSigterm()
    {
        using var host = HostProcess.Start(Dll, ["--data-dir", _dataDir, "-D", "cloudcore.modules.apiserver.listen=127.0.0.1:0", .. CloudHubTestPorts.Loopback]);

        await host.WaitForLineAsync(l => l.Contains("embedded Kubernetes API server serving at", StringComparison.Ordinal), Deadline);
        var kubeconfig = Path.Combine(_dataDir, "kubeconfig");
        Assert.True(File.Exists(kubeconfig), "kubeconfig not written to the data dir");
        var (exit, output, error) = await KubectlAsync(kubeconfig, "get", "namespaces");
        Assert.True(exit == 0, error);
        Assert.Contains("kube-system", output, StringComparison.Ordinal);

        host.Signal("TERM");
        Assert.Equal(0, await host.WaitForExitAsync(Deadline));
    }

    [Fact]
    public async Task Run_ApiServerPortInUse_ExitsOneWithClearMessage()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;

        var (exit, _, stderr) = await HostProcess.RunAsync(Dll, ["run", .. CloudHubTestPorts.Loopback, "--data-dir", _dataDir, "-D", "cloudcore.modules.apiserver.listen=127.0.0.1:" + port]);

        Assert.Equal(1, exit);
        Assert.Contains("the embedded Kubernetes API server could not start on 127.0.0.1:" + port, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KubeconfigGiven_DoesNotStartEmbeddedApiServer()
    {
        using var host = HostProcess.Start(Dll, ["run", .. CloudHubTestPorts.Loopback, "--data-dir", _dataDir, "-D", "cloudcore.kubeconfig=/nonexistent/kubeconfig"]);

        await host.WaitForLineAsync(l => l.Contains("cloudcore started: root actor /user/cloudcore", StringComparison.Ordinal), Deadline);
        host.Signal("TERM");
        Assert.Equal(0, await host.WaitForExitAsync(Deadline));
        Assert.False(File.Exists(Path.Combine(_dataDir, "kubeconfig")), "the embedded API server must not run when a kubeconfig is configured");
    }

    private static async Task<(int Exit, string Output, string Error)> KubectlAsync(string kubeconfig, params string[] args)
    {
        var psi = new ProcessStartInfo(Kubectls.Default) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("--kubeconfig=" + kubeconfig);
        psi.ArgumentList.Add("--request-timeout=20s");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var k = Process.Start(psi)!;
        var output = k.StandardOutput.ReadToEndAsync();
        var error = k.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await k.WaitForExitAsync(cts.Token);
        return (k.ExitCode, await output, await error);
    }
}
