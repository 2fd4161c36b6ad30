using System.Diagnostics;

namespace Actors.Bench.Cri;

/// <summary>Runs containerd's <c>ctr</c> in a namespace; a failure throws, except for <c>tasks</c> (clean-up of what may be gone).</summary>
internal static class CtrCommand
{
    public static void Run(string address, string ns, params string[] args)
    {
        var info = new ProcessStartInfo("ctr") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["--address", address, "-n", ns, .. args])
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && args[0] != "tasks")
        {
            throw new InvalidOperationException($"ctr {string.Join(' ', args)} failed: {stderr.Result}");
        }
    }
}
