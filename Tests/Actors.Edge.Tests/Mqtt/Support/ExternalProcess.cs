using System.Diagnostics;
using System.Threading.Channels;

namespace Actors.Edge.Tests.Mqtt.Support;

/// <summary>
/// A third-party process (mosquitto, mosquitto_sub, mosquitto_pub) whose output lines can be awaited
/// with a deadline. Disposing kills it (and its children). A missing binary fails the test loudly.
/// </summary>
internal sealed class ExternalProcess : IDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];

    private ExternalProcess(Process process)
    {
        _process = process;
    }

    public IReadOnlyList<string> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    /// <summary>Starts <paramref name="fileName"/> under <c>stdbuf -oL</c> so its stdout arrives line by line.</summary>
    public static ExternalProcess StartLineBuffered(string fileName, params string[] arguments) =>
        Start("stdbuf", ["-oL", "-eL", fileName, .. arguments]);

    public static ExternalProcess Start(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var wrapper = new ExternalProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => wrapper.OnLine(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException(fileName + " did not start");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>Waits for an output line (stdout or stderr) matching <paramref name="predicate"/>.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate, string what, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? MqttTestKit.Deadline);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(cts.Token);
                if (predicate(line))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            var state = _process.HasExited ? "exited with " + _process.ExitCode : "still running";
            Assert.Fail("timed out waiting for " + what + " (" + _process.StartInfo.FileName + " " + string.Join(' ', _process.StartInfo.ArgumentList) + ": " + state + "); output so far:\n" + string.Join('\n', Seen));
            throw;
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? MqttTestKit.Deadline);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail(_process.StartInfo.FileName + " did not exit; output:\n" + string.Join('\n', Seen));
        }

        return _process.ExitCode;
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_seen)
        {
            _seen.Add(line);
        }

        _lines.Writer.TryWrite(line);
    }
}
