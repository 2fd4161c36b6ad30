using System.Diagnostics;

namespace Actors.Integration.Tests.Support;

/// <summary>Runs the real kubectl against a kubeconfig (./test.sh installs kubectl; absent → the test fails loudly).</summary>
internal static class Kubectl
{
    public const string Path = "/usr/bin/kubectl";

    public static async Task<(int Exit, string StdOut, string StdErr)> RunAsync(string kubeconfig, params string[] args)
    {
        Assert.True(File.Exists(Path), "kubectl is required at " + Path + " (./test.sh installs it)");
        var psi = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("--kubeconfig=" + kubeconfig);
        psi.ArgumentList.Add("--request-timeout=20s");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["HOME"] = System.IO.Path.GetDirectoryName(kubeconfig)!;
        psi.Environment.Remove("KUBECONFIG");
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
