using System.Globalization;
using System.Numerics;

namespace Actors.Kernel.Configuration;

public sealed partial class Config
{
    public string? GetString(string path, string? defaultValue = null) =>
        Scalar(path) is { } s ? s.Text : defaultValue;

    public bool GetBoolean(string path, bool defaultValue = false) =>
        Converted(path, 1, defaultValue, ToBoolean);

    public int GetInt(string path, int defaultValue = 0) =>
        Converted(path, 2, defaultValue, (p, s) => (int)ToInteger(p, s, int.MinValue, int.MaxValue, "a 32-bit integer"));

    public long GetLong(string path, long defaultValue = 0) =>
        Converted(path, 3, defaultValue, (p, s) => ToInteger(p, s, long.MinValue, long.MaxValue, "a 64-bit integer"));

    public double GetDouble(string path, double defaultValue = 0) =>
        Converted(path, 4, defaultValue, ToDouble);

    public decimal GetDecimal(string path, decimal defaultValue = 0) =>
        Scalar(path) is { } s ? ToDecimal(path, s) : defaultValue;

    /// <summary>
    /// Duration (bare number = milliseconds, or "number unit" with ns/us/ms/s/m/h/d spellings).
    /// "infinite" gives <see cref="Timeout.InfiniteTimeSpan"/> when <paramref name="allowInfinite"/>.
    /// </summary>
    public TimeSpan GetTimeSpan(string path, TimeSpan? defaultValue = null, bool allowInfinite = true) =>
        Converted(path, allowInfinite ? 5 : 6, defaultValue ?? TimeSpan.Zero, (p, s) => ToTimeSpan(p, s, allowInfinite));

    /// <summary>Exact duration in nanoseconds; null when absent.</summary>
    public BigInteger? GetDurationNanos(string path) =>
        Scalar(path) is { } s ? HoconUnits.ParseDurationNanos(s.Text) ?? throw WrongType(path, s, "a duration") : null;

    /// <summary>Period (bare number = days); null when absent.</summary>
    public ConfigPeriod? GetPeriod(string path) =>
        Scalar(path) is { } s ? HoconUnits.ParsePeriod(s.Text) ?? throw WrongType(path, s, "a period (d, w, mo, y)") : null;

    /// <summary>Byte size (bare number = bytes); null when absent. Throws when it exceeds 64 bits.</summary>
    public long? GetByteSize(string path)
    {
        var big = GetBigByteSize(path);
        return big is null ? null
            : big.Value >= long.MinValue && big.Value <= long.MaxValue ? (long)big.Value
            : throw new ConfigurationException($"{GetValue(path)!.Origin}: '{path}' is {big} bytes, which does not fit in 64 bits");
    }

    /// <summary>Byte size as a big integer (for Z/Y units); null when absent.</summary>
    public BigInteger? GetBigByteSize(string path) =>
        Scalar(path) is { } s ? HoconUnits.ParseBytes(s.Text) ?? throw WrongType(path, s, "a byte size") : null;

    public IList<string> GetStringList(string path) => List(path, (p, v) => AsScalar(p, v).Text);

    public IList<int> GetIntList(string path) =>
        List(path, (p, v) => checked((int)ToInteger(p, AsScalar(p, v), int.MinValue, int.MaxValue, "a 32-bit integer")));

    public IList<long> GetLongList(string path) =>
        List(path, (p, v) => ToInteger(p, AsScalar(p, v), long.MinValue, long.MaxValue, "a 64-bit integer"));

    public IList<double> GetDoubleList(string path) => List(path, (p, v) => ToDouble(p, AsScalar(p, v)));

    public IList<bool> GetBooleanList(string path) => List(path, (p, v) => ToBoolean(p, AsScalar(p, v)));

    public IList<TimeSpan> GetTimeSpanList(string path) => List(path, (p, v) => ToTimeSpan(p, AsScalar(p, v), true));

    public IList<long> GetByteSizeList(string path) =>
        List(path, (p, v) => HoconUnits.ParseBytes(AsScalar(p, v).Text) is { } n && n >= long.MinValue && n <= long.MaxValue
            ? (long)n : throw WrongType(p, v, "a byte size that fits in 64 bits"));

    public IList<Config> GetConfigList(string path) =>
        List(path, (p, v) => v is HoconObject o ? new Config(o) : throw WrongType(p, v, "an object"));

    /// <summary>Converts once per path and kind; later calls return the cached result.</summary>
    private T Converted<T>(string path, int kind, T defaultValue, Func<string, HoconScalar, T> convert)
        where T : struct
    {
        if (_converted.TryGetValue((path, kind), out var boxed))
        {
            return (T)boxed;
        }

        if (Scalar(path) is not { } scalar)
        {
            return defaultValue;
        }

        var value = convert(path, scalar);
        _converted.TryAdd((path, kind), value);
        return value;
    }

    private HoconScalar? Scalar(string path) => GetValue(path) switch
    {
        null or { Type: HoconValueType.Null } => null,
        HoconScalar s => s,
        var other => throw WrongType(path, other, "a single value"),
    };

    private static HoconScalar AsScalar(string path, HoconValue value) =>
        value as HoconScalar is { Type: not HoconValueType.Null } s ? s : throw WrongType(path, value, "a single value");

    private List<T> List<T>(string path, Func<string, HoconValue, T> convert)
    {
        var value = GetValue(path);
        var array = value switch
        {
            null or { Type: HoconValueType.Null } => null,
            HoconArray a => a,
            HoconObject o => HoconArrays.FromIndexedObject(o) ?? throw WrongType(path, o, "a list"),
            _ => throw WrongType(path, value, "a list"),
        };
        return array is null ? [] : array.Select((v, i) => convert($"{path}[{i}]", v)).ToList();
    }

    private static bool ToBoolean(string path, HoconScalar s) => s.Text switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => throw WrongType(path, s, "a boolean (true/false, yes/no, on/off)"),
    };

    private static long ToInteger(string path, HoconScalar s, long min, long max, string expected)
    {
        if (long.TryParse(s.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var fast))
        {
            return fast >= min && fast <= max ? fast : throw WrongType(path, s, expected);
        }

        var d = s.Type is HoconValueType.Number or HoconValueType.String && HoconNumbers.IsJsonNumber(s.Text.Trim())
            && decimal.TryParse(s.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null;
        return d is { } n && n == decimal.Truncate(n) && n >= min && n <= max ? (long)n : throw WrongType(path, s, expected);
    }

    private static double ToDouble(string path, HoconScalar s) =>
        s.Type is HoconValueType.Number or HoconValueType.String
        && double.TryParse(s.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d : throw WrongType(path, s, "a number");

    private static decimal ToDecimal(string path, HoconScalar s) =>
        s.Type is HoconValueType.Number or HoconValueType.String
        && decimal.TryParse(s.Text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d : throw WrongType(path, s, "a number");

    private static TimeSpan ToTimeSpan(string path, HoconScalar s, bool allowInfinite)
    {
        if (allowInfinite && s.Text.Trim().Equals("infinite", StringComparison.OrdinalIgnoreCase))
        {
            return Timeout.InfiniteTimeSpan;
        }

        var nanos = HoconUnits.ParseDurationNanos(s.Text) ?? throw WrongType(path, s, "a duration (e.g. 500ms, 10s, 5m)");
        var ticks = nanos / 100;
        return ticks >= long.MinValue && ticks <= long.MaxValue ? TimeSpan.FromTicks((long)ticks) : throw WrongType(path, s, "a duration that fits a TimeSpan");
    }
}
