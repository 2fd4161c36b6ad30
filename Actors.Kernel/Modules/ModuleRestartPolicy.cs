namespace Actors.Kernel.Modules;

/// <summary>
/// Exponential-backoff restart of a failed module (KubeEdge's ModuleRestartPolicy: on failure, interval growth
/// 2.0, limit 30 s). Restart n (0-based) waits <c>min(MaxBackoff, MinBackoff·2ⁿ)·(1 + U[0,1)·RandomFactor)</c>;
/// the count resets after the module ran for <see cref="ResetAfter"/> without failing.
/// </summary>
public sealed record ModuleRestartPolicy
{
    /// <summary>1 s, doubling up to 30 s, no jitter, unlimited restarts, reset after 60 s of stable running.</summary>
    public static ModuleRestartPolicy Default { get; } = new();

    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Jitter in [0, 1]: 0.2 adds up to 20 % to each delay.</summary>
    public double RandomFactor { get; init; }

    /// <summary>Restarts before the module is given up (then it is "stopped" on the bus); -1 = unlimited.</summary>
    public int MaxRestarts { get; init; } = -1;

    /// <summary>Stable running time after which the backoff starts again from <see cref="MinBackoff"/>.</summary>
    public TimeSpan ResetAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Errors naming the offending property; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MinBackoff <= TimeSpan.Zero)
        {
            errors.Add("MinBackoff must be > 0");
        }

        if (MaxBackoff < MinBackoff)
        {
            errors.Add("MaxBackoff must be >= MinBackoff");
        }

        if (RandomFactor is < 0.0 or > 1.0)
        {
            errors.Add("RandomFactor must be between 0.0 and 1.0");
        }

        if (ResetAfter <= TimeSpan.Zero)
        {
            errors.Add("ResetAfter must be > 0");
        }

        return errors;
    }
}
