using System.Globalization;
using System.Numerics;

namespace Actors.Kernel.Configuration;

/// <summary>
/// Unit formats of the spec: durations (default ms), periods (default days), byte sizes
/// (default bytes). Values are "number [whitespace] unit"; fractions are exact (decimal) and
/// results truncate toward zero. Returns null when the text is not in the format.
/// </summary>
public static class HoconUnits
{
    private static readonly Dictionary<string, BigInteger> DurationUnits = BuildDurations();
    private static readonly Dictionary<string, BigInteger> ByteUnits = BuildBytes();

    /// <summary>Duration in nanoseconds, exact; null when not a duration.</summary>
    public static BigInteger? ParseDurationNanos(string text)
    {
        var (number, unit) = Split(text);
        return number is { } n && DurationUnits.TryGetValue(unit.Length == 0 ? "ms" : unit, out var factor) ? Multiply(n, factor) : null;
    }

    /// <summary>Byte count, exact (Z/Y units exceed 64 bits); null when not a size.</summary>
    public static BigInteger? ParseBytes(string text)
    {
        var (number, unit) = Split(text);
        return number is { } n && ByteUnits.TryGetValue(unit, out var factor) ? Multiply(n, factor) : null;
    }

    /// <summary>Period; integer amounts only; null when not a period.</summary>
    public static ConfigPeriod? ParsePeriod(string text)
    {
        var (number, unit) = Split(text);
        if (number is not { } n || n != decimal.Truncate(n) || Math.Abs(n) > int.MaxValue)
        {
            return null;
        }

        var amount = (int)n;
        return unit switch
        {
            "" or "d" or "day" or "days" => new ConfigPeriod(0, 0, amount),
            "w" or "week" or "weeks" => Math.Abs((long)amount * 7) <= int.MaxValue ? new ConfigPeriod(0, 0, amount * 7) : null,
            "m" or "mo" or "month" or "months" => new ConfigPeriod(0, amount, 0),
            "y" or "year" or "years" => new ConfigPeriod(amount, 0, 0),
            _ => null,
        };
    }

    /// <summary>Splits "12.5 ms" into (12.5, "ms"); number null when unparsable.</summary>
    private static (decimal? Number, string Unit) Split(string text)
    {
        var s = text.AsSpan().Trim();
        var unitStart = s.Length;
        while (unitStart > 0 && char.IsAsciiLetter(s[unitStart - 1]))
        {
            unitStart--;
        }

        var unit = s[unitStart..].ToString();
        var numberText = s[..unitStart].Trim();
        if (numberText.Length == 0 || numberText.ContainsAny(" \t"))
        {
            return (null, unit);
        }

        var ok = decimal.TryParse(numberText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out var value);
        return (ok ? value : null, unit);
    }

    private static BigInteger Multiply(decimal value, BigInteger factor)
    {
        var bits = decimal.GetBits(value);
        var mantissa = (new BigInteger((uint)bits[2]) << 64) | (new BigInteger((uint)bits[1]) << 32) | new BigInteger((uint)bits[0]);
        var scale = (bits[3] >> 16) & 0xFF;
        var result = BigInteger.Divide(mantissa * factor, BigInteger.Pow(10, scale));
        return bits[3] < 0 ? -result : result;
    }

    private static Dictionary<string, BigInteger> BuildDurations()
    {
        var d = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        Add(d, 1, "ns", "nano", "nanos", "nanosecond", "nanoseconds");
        Add(d, 1_000, "us", "micro", "micros", "microsecond", "microseconds");
        Add(d, 1_000_000, "ms", "milli", "millis", "millisecond", "milliseconds");
        Add(d, 1_000_000_000, "s", "second", "seconds");
        Add(d, 60_000_000_000, "m", "minute", "minutes");
        Add(d, 3_600_000_000_000, "h", "hour", "hours");
        Add(d, 86_400_000_000_000, "d", "day", "days");
        return d;
    }

    private static Dictionary<string, BigInteger> BuildBytes()
    {
        var d = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        Add(d, 1, string.Empty, "B", "b", "byte", "bytes");
        string[] si = ["k", "M", "G", "T", "P", "E", "Z", "Y"];
        string[] siNames = ["kilo", "mega", "giga", "tera", "peta", "exa", "zetta", "yotta"];
        string[] binNames = ["kibi", "mebi", "gibi", "tebi", "pebi", "exbi", "zebi", "yobi"];
        for (var i = 0; i < si.Length; i++)
        {
            var upper = si[i].ToUpperInvariant();
            var lower = si[i].ToLowerInvariant();
            Add(d, BigInteger.Pow(1000, i + 1), si[i] + "B", siNames[i] + "byte", siNames[i] + "bytes");
            Add(d, BigInteger.Pow(1024, i + 1), upper, lower, upper + "i", upper + "iB", binNames[i] + "byte", binNames[i] + "bytes");
        }

        return d;
    }

    private static void Add(Dictionary<string, BigInteger> d, BigInteger factor, params string[] names)
    {
        foreach (var name in names)
        {
            d[name] = factor;
        }
    }
}
