using System.Diagnostics;

namespace Actors.Cloud.Tests.ApiServer;

/// <summary>The <c>cloudcore apiserver</c> command as a real process: serves kubectl, stops cleanly on SIGTERM.</summary>
public sealed class ApiServerCommandTests
{
    [Fact]
    public async Task CloudcoreApiserver_ServesKubectlAndStopsOnSigterm()
    {
        var dataDir = Directory.CreateTempSubdirectory("apiserver-cmd-").FullName;
        var cloudcore = typeof(Actors.Cloud.Program).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { cloudcore, "apiserver", "--data-dir", dataDir, "--listen", "127.0.0.1:0" })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var kubeconfig = Path.Combine(dataDir, "kubeconfig");
            await Poll.UntilAsync(() => File.Exists(kubeconfig) || process.HasExited, "the kubeconfig to be written");
            if (process.HasExited)
            {
                Assert.Fail("cloudcore apiserver exited early: " + await stderr);
            }

            var kubectl = new ProcessStartInfo(Kubectls.Default) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "--kubeconfig=" + kubeconfig, "--request-timeout=20s", "get", "namespaces" })
            {
                kubectl.ArgumentList.Add(a);
            }

            using (var k = Process.Start(kubectl)!)
            {
                var output = k.StandardOutput.ReadToEndAsync();
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await k.WaitForExitAsync(cts.Token);
                Assert.Equal(0, k.ExitCode);
                Assert.Contains("kube-system", await output, StringComparison.Ordinal);
            }

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(exit.Token);
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("stopping the API server", await stdout, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            Directory.Delete(dataDir, recursive: true);
        }
    }
}
