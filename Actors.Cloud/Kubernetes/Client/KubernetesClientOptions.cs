namespace Actors.Cloud.Kubernetes.Client;

/// <summary>Client behaviour (defaults as client-go where it has one). Validated by <see cref="Validate"/>.</summary>
public sealed record KubernetesClientOptions
{
    /// <summary>Sustained requests per second; 0 disables client-side rate limiting.</summary>
    public double Qps { get; init; } = 5;

    public int Burst { get; init; } = 10;

    /// <summary>Deadline of one non-watch request (including reading its body). Watches are not limited.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times a 429/503 with Retry-After is retried (client-go: 10).</summary>
    public int MaxRetries { get; init; } = 10;

    /// <summary>Upper bound of one Retry-After wait.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Preferred HTTP version; HTTP/2 is negotiated over TLS (ALPN), plain HTTP falls back to 1.1.</summary>
    public Version HttpVersion { get; init; } = System.Net.HttpVersion.Version20;

    public string UserAgent { get; init; } = "cloudcore/edgeactors";

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Qps < 0 || double.IsNaN(Qps))
        {
            errors.Add($"kubernetes.qps must be >= 0 (0 disables rate limiting), got {Qps}");
        }
        if (Qps > 0 && Burst < 1)
        {
            errors.Add($"kubernetes.burst must be >= 1 when qps > 0, got {Burst}");
        }
        if (RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"kubernetes.request-timeout must be positive, got {RequestTimeout}");
        }
        if (MaxRetries < 0)
        {
            errors.Add($"kubernetes.max-retries must be >= 0, got {MaxRetries}");
        }
        return errors;
    }
}
