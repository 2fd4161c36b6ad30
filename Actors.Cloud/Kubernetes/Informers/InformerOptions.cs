namespace Actors.Cloud.Kubernetes.Informers;

/// <summary>What an informer watches and how it recovers. Defaults follow client-go's reflector.</summary>
public sealed record InformerOptions
{
    /// <summary>Namespace to watch; null = all namespaces (or a cluster-scoped resource).</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    /// <summary>For example "spec.nodeName=edge-1".</summary>
    public string? FieldSelector { get; init; }

    /// <summary>Re-deliver every cached object as an update this often; zero disables resync.</summary>
    public TimeSpan ResyncPeriod { get; init; }

    /// <summary>List page size (client-go: 500).</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Server-side timeout of each watch request (client-go picks 5-10 minutes).</summary>
    public TimeSpan WatchTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(800);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    public double BackoffFactor { get; init; } = 2.0;

    /// <summary>Random extra delay, as a fraction of the delay (client-go: 1.0).</summary>
    public double BackoffJitter { get; init; } = 1.0;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ResyncPeriod < TimeSpan.Zero)
        {
            errors.Add($"resync-period must not be negative, got {ResyncPeriod}");
        }
        if (PageSize < 0)
        {
            errors.Add($"page-size must be >= 0 (0 = unpaged), got {PageSize}");
        }
        if (WatchTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add($"watch-timeout must be at least 1 s, got {WatchTimeout}");
        }
        if (InitialBackoff < TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            errors.Add($"backoff must satisfy 0 <= initial <= max, got {InitialBackoff} and {MaxBackoff}");
        }
        if (BackoffFactor < 1 || BackoffJitter < 0)
        {
            errors.Add($"backoff factor must be >= 1 and jitter >= 0, got {BackoffFactor} and {BackoffJitter}");
        }
        return errors;
    }
}
