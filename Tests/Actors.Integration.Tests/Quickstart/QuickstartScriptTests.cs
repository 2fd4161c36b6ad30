using System.Collections.Concurrent;
using System.Diagnostics;

namespace Actors.Integration.Tests.Quickstart;

/// <summary>
/// The README's first command itself: <c>deploy/quickstart.sh --data-dir DIR --runtime process</c> builds and starts
/// cloudcore, edgecore and the simulated device, applies the samples, and its live view shows the node Ready, the pod
/// Running and the device's twins reported; SIGTERM (as Ctrl-C) stops everything and the script exits 0.
/// It uses the quickstart's fixed ports (6443, 10000, 10002, 9443, 1884 on 127.0.0.1).
/// </summary>
public sealed class QuickstartScriptTests : IDisposable
{
    private readonly TempConfig _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Quickstart_FreshDataDir_LiveViewShowsSamplesConvergedAndStopsCleanly()
    {
        var lines = new ConcurrentQueue<string>();
        var psi = new ProcessStartInfo("setsid", ["bash", "deploy/quickstart.sh", "--data-dir", Path.Combine(_dir.Dir, "qs"), "--runtime", "process"])
        {
            WorkingDirectory = TempConfig.RepoRoot(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("EDGEACTORS_", StringComparison.Ordinal)).ToList())
        {
            psi.Environment.Remove(key);
        }

        using var script = Process.Start(psi)!;
        script.OutputDataReceived += (_, e) => Add(lines, e.Data);
        script.ErrorDataReceived += (_, e) => Add(lines, e.Data);
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        try
        {
            string Output() => string.Join('\n', lines);
            await WaitForAsync(lines, l => l.Contains("edge-node-1", StringComparison.Ordinal) && l.Contains(" Ready ", StringComparison.Ordinal), "node Ready", Output);
            await WaitForAsync(lines, l => l.Contains("greeter", StringComparison.Ordinal) && l.Contains("Running", StringComparison.Ordinal), "pod Running", Output);
            await WaitForAsync(lines, l => l.Contains("device room-1:", StringComparison.Ordinal) && l.Contains("\"propertyName\":\"temperature\",\"reported\"", StringComparison.Ordinal)
                && l.Contains("\"observedDesired\"", StringComparison.Ordinal), "twins reported", Output);

            Signal("TERM", script.Id);
            using var exit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await script.WaitForExitAsync(exit.Token);
            Assert.True(script.ExitCode == 0, "quickstart exited " + script.ExitCode + "\n" + Output());
            Assert.Contains(lines, l => l.StartsWith("stopped; state kept in", StringComparison.Ordinal));
        }
        finally
        {
            if (!script.HasExited)
            {
                Signal("KILL", -script.Id);
            }
        }
    }

    private static void Add(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    private static async Task WaitForAsync(ConcurrentQueue<string> lines, Func<string, bool> match, string what, Func<string> output)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (!lines.Any(match))
        {
            Assert.False(deadline.IsCancellationRequested, "the quickstart did not show " + what + " within 5 minutes:\n" + output());
            await Task.Delay(TimeSpan.FromMilliseconds(500), deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private static void Signal(string name, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", name, "--", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}
