using System.Globalization;
using System.Text;

namespace Actors.Kernel.Diagnostics;

/// <summary>Prometheus text exposition format 0.0.4 (<c>text/plain; version=0.0.4</c>); pure.</summary>
public static class PrometheusText
{
    /// <summary>The Content-Type of the format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Renders every family of <paramref name="registry"/>.</summary>
    public static string Render(MetricsRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var sb = new StringBuilder();
        foreach (var family in registry.Families)
        {
            Append(sb, family, family.Collect());
        }

        return sb.ToString();
    }

    /// <summary>Appends one family with the given samples.</summary>
    public static void Append(StringBuilder sb, MetricFamily family, IReadOnlyList<MetricSample> samples)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(family);
        ArgumentNullException.ThrowIfNull(samples);
        sb.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
        sb.Append("# TYPE ").Append(family.Name).Append(' ').Append(family.Kind == MetricKind.Counter ? "counter" : "gauge").Append('\n');
        foreach (var sample in samples)
        {
            sb.Append(family.Name);
            if (family.LabelNames.Count > 0)
            {
                sb.Append('{');
                for (var i = 0; i < family.LabelNames.Count; i++)
                {
                    var value = i < sample.LabelValues.Count ? sample.LabelValues[i] : string.Empty;
                    sb.Append(i == 0 ? string.Empty : ",").Append(family.LabelNames[i]).Append("=\"").Append(EscapeLabel(value)).Append('"');
                }

                sb.Append('}');
            }

            sb.Append(' ').Append(Format(sample.Value)).Append('\n');
        }
    }

    /// <summary>Go-style float formatting with Prometheus' names for the special values.</summary>
    public static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static string EscapeHelp(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabel(string s) => EscapeHelp(s).Replace("\"", "\\\"", StringComparison.Ordinal);
}
