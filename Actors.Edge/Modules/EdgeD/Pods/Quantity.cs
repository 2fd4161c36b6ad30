using System.Globalization;

namespace Actors.Edge.Modules.EdgeD.Pods;

/// <summary>
/// Kubernetes resource quantities (pure): a decimal number with an optional binary suffix (Ki, Mi, Gi, Ti, Pi, Ei),
/// decimal suffix (n, u, m, k, M, G, T, P, E) or exponent (<c>1e3</c>), e.g. <c>500m</c>, <c>1.5</c>, <c>128Mi</c>.
/// </summary>
internal static class Quantity
{
    private static readonly (string Suffix, decimal Factor)[] Suffixes =
    [
        ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
        ("Pi", 1024m * 1024 * 1024 * 1024 * 1024), ("Ei", 1024m * 1024 * 1024 * 1024 * 1024 * 1024),
        ("n", 0.000000001m), ("u", 0.000001m), ("m", 0.001m), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m),
        ("P", 1e15m), ("E", 1e18m),
    ];

    /// <summary>The quantity's value (cores for CPU, bytes for memory); false when it is not a valid quantity.</summary>
    public static bool TryParse(string text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrEmpty(text) || text.Length > 64 || text.Trim() != text)
        {
            return false;
        }

        var (number, factor) = Split(text);
        if (number.Length == 0 || number.StartsWith('+') || !char.IsAsciiDigit(number[^1])
            || !decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var parsed))
        {
            return false;
        }

        try
        {
            value = parsed * factor;
            return value >= 0;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>CPU in millicores (rounded up, as the kubelet does), memory in bytes (rounded up).</summary>
    public static long Milli(decimal value) => (long)Math.Min(long.MaxValue, Math.Ceiling(value * 1000));

    public static long Whole(decimal value) => (long)Math.Min(long.MaxValue, Math.Ceiling(value));

    private static (string Number, decimal Factor) Split(string text)
    {
        foreach (var (suffix, factor) in Suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (text[..^suffix.Length], factor);
            }
        }

        return (text, 1m);
    }
}
