using System.Diagnostics;

namespace Actors.Bench.CloudHub;

/// <summary>This benchmark executable re-invoked as <c>cloudhub --child …</c>; stdout lines are read on demand.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;

    private ChildProcess(Process process) => _process = process;

    public static ChildProcess Start(IEnumerable<string> args)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var psi = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            psi.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        psi.ArgumentList.Add("cloudhub");
        psi.ArgumentList.Add("--child");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        return new ChildProcess(Process.Start(psi) ?? throw new InvalidOperationException("could not start the child process"));
    }

    /// <summary>The next stdout line starting with <paramref name="prefix"/> (others are echoed), within the timeout.</summary>
    public async Task<string> ExpectAsync(string prefix, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(cts.Token).ConfigureAwait(false)
                       ?? throw new InvalidOperationException("the child process ended before printing " + prefix);
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }

            Console.WriteLine("  child: " + line);
        }
    }

    /// <summary>CPU time (user + system) the child has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public void Say(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    public void Dispose()
    {
        try
        {
            Say("STOP");
            if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (IOException)
        {
            // already gone
        }

        _process.Dispose();
    }
}
