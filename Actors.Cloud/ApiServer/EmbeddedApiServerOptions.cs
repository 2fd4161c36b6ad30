using System.Net;

namespace Actors.Cloud.ApiServer;

/// <summary>Options of the embedded API server. <see cref="Validate"/> is called by <see cref="EmbeddedApiServer"/> at start.</summary>
public sealed record EmbeddedApiServerOptions
{
    /// <summary>Directory for the SQLite database, the PKI files and the kubeconfig.</summary>
    public required string DataDir { get; init; }

    /// <summary>Listen endpoint; port 0 picks a free port. Default 127.0.0.1:6443.</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 6443);

    /// <summary>
    /// Largest accepted request body. Default 3 MiB: etcd refuses requests over 1.5 MiB and Kubernetes caps
    /// bodies at 3 MiB; we store in SQLite, so the Kubernetes request limit is kept.
    /// </summary>
    public long MaxBodyBytes { get; init; } = 3 * 1024 * 1024;

    /// <summary>Number of change events retained for watches; older resourceVersions get 410 Gone.</summary>
    public int EventWindow { get; init; } = 10_000;

    /// <summary>Events a watcher may fall behind before it is cut off (it then re-lists, as clients do on a closed watch).</summary>
    public int MaxQueuedEventsPerWatcher { get; init; } = 100_000;

    /// <summary>Interval of BOOKMARK events on watches that allow them.</summary>
    public TimeSpan BookmarkInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Install the bundled KubeEdge CRDs (Device, DeviceModel, Rule, RuleEndpoint) at start.</summary>
    public bool InstallBundledCrds { get; init; } = true;

    public string DatabasePath => Path.Combine(DataDir, "apiserver.db");

    public string KubeconfigPath => Path.Combine(DataDir, "kubeconfig");

    /// <exception cref="ArgumentException">When an option is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDir))
        {
            throw new ArgumentException("DataDir is required", nameof(DataDir));
        }

        if (MaxBodyBytes is < 1024 or > 256L * 1024 * 1024)
        {
            throw new ArgumentException("MaxBodyBytes must be between 1 KiB and 256 MiB", nameof(MaxBodyBytes));
        }

        if (EventWindow < 1)
        {
            throw new ArgumentException("EventWindow must be at least 1", nameof(EventWindow));
        }

        if (MaxQueuedEventsPerWatcher < 1)
        {
            throw new ArgumentException("MaxQueuedEventsPerWatcher must be at least 1", nameof(MaxQueuedEventsPerWatcher));
        }

        if (BookmarkInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("BookmarkInterval must be positive", nameof(BookmarkInterval));
        }
    }

    /// <summary>Parses "host:port" (IPv4 or [IPv6]:port).</summary>
    public static IPEndPoint ParseListen(string text) =>
        IPEndPoint.TryParse(text, out var ep) && text.Contains(':', StringComparison.Ordinal)
            ? ep : throw new ArgumentException($"invalid listen address \"{text}\" (expected ip:port)", nameof(text));
}
