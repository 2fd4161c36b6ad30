using Actors.Cri.Grpc;

namespace Actors.Cri.Runtime.Process;

/// <summary>ExecSync for the process runtime: runs a local command with the container's environment and working directory.</summary>
internal static class ProcessExec
{
    /// <summary>Output kept per stream; more is read and dropped (a chatty command cannot exhaust memory).</summary>
    public const int MaxOutputBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Runs <paramref name="argv"/>; a positive <paramref name="timeout"/> kills the command's tree when
    /// it passes and reports DeadlineExceeded. A command that cannot be launched is Unknown.
    /// </summary>
    public static async Task<ExecSyncResult> RunAsync(
        IReadOnlyList<string> argv, IReadOnlyDictionary<string, string> env, string workingDirectory,
        TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var info = ProcessLaunch.Create(argv, env, workingDirectory, newSession: true);
        using var process = StartOrThrow(info);
        process.StandardInput.Close();
        using var timeoutCts = timeout > TimeSpan.Zero ? new CancellationTokenSource(timeout, time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        var stdout = ReadBoundedAsync(process.StandardOutput.BaseStream);
        var stderr = ReadBoundedAsync(process.StandardError.BaseStream);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new CriException(GrpcStatusCode.DeadlineExceeded, $"command {string.Join(' ', argv)} timed out after {timeout}");
        }

        var output = Task.WhenAll(stdout, stderr);
        try
        {
            await output.WaitAsync(TimeSpan.FromSeconds(5), time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // A background child kept the pipes open after the command exited: end its group.
            PosixSignals.SignalGroup(process.Id, PosixSignals.SigKill);
            await output.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }

        return new ExecSyncResult(process.ExitCode, await stdout, await stderr);
    }

    private static System.Diagnostics.Process StartOrThrow(System.Diagnostics.ProcessStartInfo info)
    {
        try
        {
            return System.Diagnostics.Process.Start(info) ?? throw new CriException(GrpcStatusCode.Unknown, "exec: the process did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new CriException(GrpcStatusCode.Unknown, "exec failed: " + ex.Message, ex);
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream source)
    {
        var kept = new MemoryStream();
        var buffer = new byte[8192];
        int read;
        while ((read = await source.ReadAsync(buffer)) > 0)
        {
            var room = MaxOutputBytes - (int)kept.Length;
            if (room > 0)
            {
                kept.Write(buffer, 0, Math.Min(room, read));
            }
        }

        return kept.ToArray();
    }
}
