namespace Actors.Kernel.Diagnostics;

/// <summary>One value of a metric family: label values in the family's label order, and the value.</summary>
public readonly record struct MetricSample(IReadOnlyList<string> LabelValues, double Value);
