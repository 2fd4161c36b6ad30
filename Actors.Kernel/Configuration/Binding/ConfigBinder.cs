using System.Globalization;
using System.Net;

namespace Actors.Kernel.Configuration.Binding;

/// <summary>
/// Reads typed values from a <see cref="Config"/> and collects one error per bad key instead of
/// throwing: wrong type, out of range, unknown enum value, invalid address. Each error starts with
/// the full key. A bad value yields the caller's default so binding can continue and report all.
/// </summary>
public sealed class ConfigBinder
{
    private readonly Config _config;
    private readonly List<string> _errors = [];

    public ConfigBinder(Config config) => _config = config ?? throw new ArgumentNullException(nameof(config));

    /// <summary>Errors found so far, each naming its key.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Records an error about <paramref name="key"/>.</summary>
    public void Error(string key, string problem) => Add(key + ": " + problem);

    // Several options records may read the same key (e.g. the data dir); each problem is reported once.
    private void Add(string error)
    {
        if (!_errors.Contains(error))
        {
            _errors.Add(error);
        }
    }

    public string String(string key, string fallback, bool allowEmpty = true)
    {
        var value = Read(key, fallback, p => _config.GetString(p, fallback) ?? fallback);
        if (!allowEmpty && string.IsNullOrWhiteSpace(value))
        {
            Error(key, "must not be empty");
        }

        return value;
    }

    public bool Bool(string key, bool fallback) => Read(key, fallback, p => _config.GetBoolean(p, fallback));

    public int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = Read(key, fallback, p => _config.GetInt(p, fallback));
        if (value < min || value > max)
        {
            Error(key, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}, got {value}"));
            return fallback;
        }

        return value;
    }

    public double Double(string key, double fallback, double min, double max)
    {
        var value = Read(key, fallback, p => _config.GetDouble(p, fallback));
        if (double.IsNaN(value) || value < min || value > max)
        {
            Error(key, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max}, got {value}"));
            return fallback;
        }

        return value;
    }

    /// <summary>A duration that must be positive (or zero when <paramref name="allowZero"/>); infinite refused unless allowed.</summary>
    public TimeSpan Duration(string key, TimeSpan fallback, bool allowZero = false, bool allowInfinite = false)
    {
        var value = Read(key, fallback, p => _config.GetTimeSpan(p, fallback, allowInfinite));
        if (value == Timeout.InfiniteTimeSpan && allowInfinite)
        {
            return value;
        }

        if (value < TimeSpan.Zero || (value == TimeSpan.Zero && !allowZero))
        {
            Error(key, (allowZero ? "must not be negative" : "must be a positive duration") + ", got " + value);
            return fallback;
        }

        return value;
    }

    /// <summary>One of <paramref name="allowed"/> (case-insensitive); returned lower-case.</summary>
    public string OneOf(string key, string fallback, params string[] allowed)
    {
        var value = String(key, fallback).Trim().ToLowerInvariant();
        if (!allowed.Contains(value, StringComparer.Ordinal))
        {
            Error(key, $"unknown value '{value}', expected one of {string.Join(", ", allowed)}");
            return fallback;
        }

        return value;
    }

    /// <summary>
    /// A <c>host:port</c> endpoint with an IP address or host name and a port 1..65535, or also port 0
    /// ("any free port", for listeners whose bound port is published elsewhere) when <paramref name="allowPortZero"/>.
    /// </summary>
    public string Endpoint(string key, string fallback, bool allowPortZero = false)
    {
        var value = String(key, fallback).Trim();
        if (!IsEndpoint(value, allowPortZero))
        {
            var range = allowPortZero ? "0..65535 (0 = any free port)" : "1..65535";
            Error(key, $"invalid address '{value}', expected host:port with a port {range}");
            return fallback;
        }

        return value;
    }

    /// <summary>An absolute URI whose scheme is one of <paramref name="schemes"/>; empty allowed when <paramref name="allowEmpty"/>.</summary>
    public string Uri(string key, string fallback, bool allowEmpty, params string[] schemes)
    {
        var value = String(key, fallback).Trim();
        if (value.Length == 0 && allowEmpty)
        {
            return value;
        }

        if (!System.Uri.TryCreate(value, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            Error(key, $"invalid address '{value}', expected a {string.Join("/", schemes)} URL");
            return fallback;
        }

        return value;
    }

    /// <summary>True when <paramref name="value"/> is host:port (IPv6 in brackets).</summary>
    public static bool IsEndpoint(string value, bool allowPortZero = false)
    {
        ArgumentNullException.ThrowIfNull(value);
        var colon = value.LastIndexOf(':');
        var lowest = allowPortZero ? 0 : 1;
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port < lowest || port > 65535)
        {
            return false;
        }

        var host = value[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return IPAddress.TryParse(host[1..^1], out _);
        }

        return IPAddress.TryParse(host, out _) || System.Uri.CheckHostName(host) == UriHostNameType.Dns;
    }

    private T Read<T>(string key, T fallback, Func<string, T> read)
    {
        try
        {
            return read(key);
        }
        catch (ConfigurationException e)
        {
            Add(e.Message.StartsWith(key, StringComparison.Ordinal) ? e.Message : key + ": " + e.Message);
            return fallback;
        }
    }
}
