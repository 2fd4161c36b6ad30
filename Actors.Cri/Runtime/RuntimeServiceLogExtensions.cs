using Actors.Cri.Logs;

namespace Actors.Cri.Runtime;

/// <summary>Container logs, read the way kubelet reads them: from the CRI log file the runtime writes.</summary>
public static class RuntimeServiceLogExtensions
{
    /// <summary>
    /// Reads the log of <paramref name="containerId"/> from the path in its status (NotFound for an
    /// unknown id). Works for every runtime, since all write the CRI log format.
    /// </summary>
    public static async Task<CriLogReadResult> ReadContainerLogsAsync(
        this IRuntimeService runtime, string containerId, int? tailLines = null, CancellationToken cancellationToken = default)
    {
        var status = await runtime.ContainerStatusAsync(containerId, cancellationToken);
        return string.IsNullOrEmpty(status.LogPath)
            ? new CriLogReadResult([], 0)
            : await CriLogFile.ReadAsync(status.LogPath, tailLines, cancellationToken);
    }
}
