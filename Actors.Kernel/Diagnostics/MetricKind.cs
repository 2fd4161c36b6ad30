namespace Actors.Kernel.Diagnostics;

/// <summary>Prometheus metric types we expose.</summary>
public enum MetricKind
{
    /// <summary>Monotonic total.</summary>
    Counter,

    /// <summary>A value that goes up and down.</summary>
    Gauge,
}
