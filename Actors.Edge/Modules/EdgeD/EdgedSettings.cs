using Actors.Cri.Runtime;

namespace Actors.Edge.Modules.EdgeD;

/// <summary>
/// Everything EdgeD needs at run time, built from <c>edgecore.modules.edged</c> by <see cref="EdgedModule.From"/> or
/// directly by tests. <see cref="RuntimeFactory"/> is called when the module's root actor starts; the runtime is
/// disposed when it stops.
/// </summary>
internal sealed record EdgedSettings(string NodeName, string PodsRoot, string PodLogRoot, Func<TimeProvider, CriRuntime> RuntimeFactory)
{
    public TimeSpan PlegRelistPeriod { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan PodStatusPeriod { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan NodeStatusPeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Node lease duration (renewed every quarter of it); zero = no lease.</summary>
    public TimeSpan NodeLeaseDuration { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>CrashLoopBackOff: first delay and cap (kubelet: 10 s doubling to 5 min).</summary>
    public TimeSpan BackoffInitial { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Retry delay after a volume or runtime error.</summary>
    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Timeout of one configmap/secret query to MetaManager (KubeEdge's client: 60 s).</summary>
    public TimeSpan MetaQueryTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Container GC: period, minimum age of a dead container, dead instances kept per pod container, total cap (&lt; 0 = none).</summary>
    public TimeSpan ContainerGcPeriod { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan ContainerGcMinAge { get; init; } = TimeSpan.FromMinutes(1);

    public int MaxPerPodContainer { get; init; } = 1;

    public int MaxContainers { get; init; } = -1;

    /// <summary>Image GC: period and image filesystem usage thresholds (percent).</summary>
    public TimeSpan ImageGcPeriod { get; init; } = TimeSpan.FromSeconds(5);

    public int ImageGcHighThreshold { get; init; } = 85;

    public int ImageGcLowThreshold { get; init; } = 80;

    /// <summary>Run every pod in the host network namespace (needed on runtimes without CNI).</summary>
    public bool ForceHostNetwork { get; init; }

    /// <summary>Configuration errors; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(NodeName))
        {
            errors.Add("node name is empty");
        }

        foreach (var (name, path) in new[] { ("pods root", PodsRoot), ("pod log root", PodLogRoot) })
        {
            if (!Path.IsPathFullyQualified(path))
            {
                errors.Add($"{name} must be an absolute path, got '{path}'");
            }
        }

        foreach (var (name, value) in new[]
        {
            ("pleg-relist-period", PlegRelistPeriod), ("pod-status-update-frequency", PodStatusPeriod),
            ("node-status-update-frequency", NodeStatusPeriod), ("backoff initial", BackoffInitial), ("retry period", RetryPeriod),
            ("container GC period", ContainerGcPeriod), ("image-gc-period", ImageGcPeriod),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{name} must be positive, got {value}");
            }
        }

        if (BackoffMax < BackoffInitial)
        {
            errors.Add($"backoff max {BackoffMax} is below backoff initial {BackoffInitial}");
        }

        return errors;
    }
}
