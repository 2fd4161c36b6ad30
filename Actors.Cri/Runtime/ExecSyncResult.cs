namespace Actors.Cri.Runtime;

/// <summary>Outcome of <see cref="IRuntimeService.ExecSyncAsync"/>: the command's exit code and its captured output.</summary>
public sealed record ExecSyncResult(int ExitCode, byte[] Stdout, byte[] Stderr)
{
    /// <summary>Stdout decoded as UTF-8.</summary>
    public string StdoutText => System.Text.Encoding.UTF8.GetString(Stdout);

    /// <summary>Stderr decoded as UTF-8.</summary>
    public string StderrText => System.Text.Encoding.UTF8.GetString(Stderr);
}
