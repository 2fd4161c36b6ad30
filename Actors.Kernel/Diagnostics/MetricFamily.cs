using System.Collections.Concurrent;

namespace Actors.Kernel.Diagnostics;

/// <summary>
/// A named metric with a fixed list of label names: one <see cref="MetricCell"/> per combination of label values,
/// or, for an observed family, samples read from a callback at scrape time.
/// </summary>
public sealed class MetricFamily
{
    private readonly ConcurrentDictionary<string, (string[] Values, MetricCell Cell)> _cells = new(StringComparer.Ordinal);
    private readonly Func<IEnumerable<MetricSample>>? _observe;

    internal MetricFamily(string name, string help, MetricKind kind, IReadOnlyList<string> labelNames, Func<IEnumerable<MetricSample>>? observe)
    {
        Name = name;
        Help = help;
        Kind = kind;
        LabelNames = labelNames;
        _observe = observe;
    }

    /// <summary>Metric name.</summary>
    public string Name { get; }

    /// <summary>The HELP line.</summary>
    public string Help { get; }

    /// <summary>Counter or gauge.</summary>
    public MetricKind Kind { get; }

    /// <summary>Label names, in order.</summary>
    public IReadOnlyList<string> LabelNames { get; }

    /// <summary>Whether values come from a callback rather than cells.</summary>
    public bool IsObserved => _observe is not null;

    /// <summary>The cell for these label values (one per label name), created at zero on first use.</summary>
    /// <exception cref="ArgumentException">Wrong number of label values, or the family is observed.</exception>
    public MetricCell WithLabels(params string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (_observe is not null)
        {
            throw new ArgumentException("metric '" + Name + "' is observed through a callback; it has no cells", nameof(values));
        }

        if (values.Length != LabelNames.Count)
        {
            throw new ArgumentException("metric '" + Name + "' takes " + LabelNames.Count + " label value(s), got " + values.Length, nameof(values));
        }

        var key = string.Join('\u0001', values);
        return _cells.GetOrAdd(key, _ => ([.. values], new MetricCell(Kind == MetricKind.Counter))).Cell;
    }

    /// <summary>Adds to the unlabelled cell.</summary>
    public void Inc(double amount = 1) => WithLabels().Inc(amount);

    /// <summary>Sets the unlabelled cell (gauges).</summary>
    public void Set(double value) => WithLabels().Set(value);

    /// <summary>Removes the cell for these label values (e.g. a node that disconnected).</summary>
    public bool Remove(params string[] values) => _cells.TryRemove(string.Join('\u0001', values ?? []), out _);

    /// <summary>The current samples, sorted by label values for stable output.</summary>
    public IReadOnlyList<MetricSample> Collect()
    {
        if (_observe is not null)
        {
            return [.. _observe()];
        }

        return [.. _cells.Values
            .Select(c => new MetricSample(c.Values, c.Cell.Value))
            .OrderBy(s => string.Join('\u0001', s.LabelValues), StringComparer.Ordinal)];
    }
}
