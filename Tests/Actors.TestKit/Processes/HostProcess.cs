using System.Diagnostics;
using Xunit;

namespace Actors.TestKit.Processes;

/// <summary>
/// A built host executable (<c>dotnet cloudcore.dll …</c>, <c>dotnet edgecore.dll …</c>) run as a real child process. Output lines
/// are collected as they arrive and can be awaited with a deadline. EDGEACTORS_* variables of the
/// test process are removed so only the test's own ones apply. Dispose kills a process still running.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly Lock _gate = new();
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];
    private int _closedStreams;

    private HostProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string StdOut { get { lock (_gate) { return string.Join('\n', _stdout); } } }

    public string StdErr { get { lock (_gate) { return string.Join('\n', _stderr); } } }

    /// <summary>Starts <paramref name="dll"/> (a file next to the test assembly) with <paramref name="args"/>.</summary>
    public static HostProcess Start(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, string? workingDirectory = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, dll);
        Assert.True(File.Exists(path), path + " was not built next to the test assembly");
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(path);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("EDGEACTORS_", StringComparison.Ordinal)).ToList())
        {
            psi.Environment.Remove(key);
        }

        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var host = new HostProcess(process);
        process.OutputDataReceived += (_, e) => host.OnLine(host._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(host._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Runs to completion (deadline 120 s) and returns exit code and output.</summary>
    public static async Task<(int Exit, string StdOut, string StdErr)> RunAsync(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null)
    {
        using var host = Start(dll, args, env);
        var exit = await host.WaitForExitAsync(TimeSpan.FromSeconds(120));
        return (exit, host.StdOut, host.StdErr);
    }

    /// <summary>Awaits a line on stdout or stderr matching <paramref name="match"/> (already seen lines count).</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var seen = _stdout.Concat(_stderr).FirstOrDefault(match);
            if (seen is not null)
            {
                return Task.FromResult(seen);
            }

            if (_closedStreams == 2)
            {
                return Task.FromException<string>(Ended());
            }

            _waiters.Add((match, done));
        }

        return WithDeadline(done.Task, timeout, "a matching output line");
    }

    /// <summary>Awaits exit; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await WithDeadline(_process.WaitForExitAsync(), timeout, "process exit");
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>Sends a POSIX signal (TERM, HUP, INT) with kill(1).</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", name, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private async Task<T> WithDeadline<T>(Task<T> task, TimeSpan timeout, string what)
    {
        var finished = await Task.WhenAny(task, Task.Delay(timeout));
        return finished == task
            ? await task
            : throw new TimeoutException($"no {what} within {timeout}; stdout:\n{StdOut}\nstderr:\n{StdErr}");
    }

    private async Task WithDeadline(Task task, TimeSpan timeout, string what) =>
        await WithDeadline(task.ContinueWith(_ => true, TaskScheduler.Default), timeout, what);

    /// <summary>Both output streams closed: the process is gone, so no awaited line can still come.</summary>
    private void OnStreamClosed()
    {
        List<TaskCompletionSource<string>> orphans;
        lock (_gate)
        {
            if (++_closedStreams < 2)
            {
                return;
            }

            orphans = [.. _waiters.Select(w => w.Done)];
            _waiters.Clear();
        }

        foreach (var orphan in orphans)
        {
            orphan.TrySetException(Ended());
        }
    }

    private InvalidOperationException Ended() =>
        new($"the process ended before printing the awaited line; stdout:\n{StdOut}\nstderr:\n{StdErr}");

    private void OnLine(List<string> lines, string? line)
    {
        if (line is null)
        {
            OnStreamClosed();
            return;
        }

        List<TaskCompletionSource<string>> hits;
        lock (_gate)
        {
            lines.Add(line);
            hits = [.. _waiters.Where(w => w.Match(line)).Select(w => w.Done)];
            _waiters.RemoveAll(w => hits.Contains(w.Done));
        }

        foreach (var hit in hits)
        {
            hit.TrySetResult(line);
        }
    }
}
