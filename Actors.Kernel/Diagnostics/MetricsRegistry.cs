using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Actors.Kernel.Actor;

namespace Actors.Kernel.Diagnostics;

/// <summary>
/// The metrics of one actor system (get it with <see cref="Get"/>): families registered by name; asking again for
/// the same name returns the same family when kind and labels agree. Rendered by <see cref="PrometheusText"/>.
/// </summary>
public sealed partial class MetricsRegistry
{
    private readonly ConcurrentDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);

    /// <summary>The registry of <paramref name="system"/> (created on first use).</summary>
    public static MetricsRegistry Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrAddExtension(_ => new MetricsRegistry());
    }

    /// <summary>A counter family.</summary>
    public MetricFamily Counter(string name, string help, params string[] labelNames) => Family(name, help, MetricKind.Counter, labelNames, null);

    /// <summary>A gauge family.</summary>
    public MetricFamily Gauge(string name, string help, params string[] labelNames) => Family(name, help, MetricKind.Gauge, labelNames, null);

    /// <summary>A family whose samples are read from <paramref name="observe"/> at every scrape (e.g. queue depths).</summary>
    public MetricFamily Observe(string name, string help, MetricKind kind, IReadOnlyList<string> labelNames, Func<IEnumerable<MetricSample>> observe)
    {
        ArgumentNullException.ThrowIfNull(observe);
        return Family(name, help, kind, labelNames ?? [], observe);
    }

    /// <summary>Removes a family (e.g. an observed one whose owner stopped).</summary>
    public bool Unregister(string name) => _families.TryRemove(name, out _);

    /// <summary>All families, sorted by name.</summary>
    public IReadOnlyList<MetricFamily> Families => [.. _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal)];

    private MetricFamily Family(string name, string help, MetricKind kind, IReadOnlyList<string> labelNames, Func<IEnumerable<MetricSample>>? observe)
    {
        ArgumentNullException.ThrowIfNull(help);
        ArgumentNullException.ThrowIfNull(labelNames);
        if (string.IsNullOrEmpty(name) || !NamePattern().IsMatch(name))
        {
            throw new ArgumentException("invalid metric name '" + name + "'", nameof(name));
        }

        foreach (var label in labelNames)
        {
            if (string.IsNullOrEmpty(label) || !LabelPattern().IsMatch(label) || label.StartsWith("__", StringComparison.Ordinal))
            {
                throw new ArgumentException("invalid label name '" + label + "' for metric '" + name + "'", nameof(labelNames));
            }
        }

        var family = _families.GetOrAdd(name, _ => new MetricFamily(name, help, kind, [.. labelNames], observe));
        if (family.Kind != kind || !family.LabelNames.SequenceEqual(labelNames, StringComparer.Ordinal) || family.IsObserved != (observe is not null))
        {
            throw new ArgumentException("metric '" + name + "' is already registered with another kind or other labels", nameof(name));
        }

        return family;
    }

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex LabelPattern();
}
