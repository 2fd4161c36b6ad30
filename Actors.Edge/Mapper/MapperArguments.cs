using System.Globalization;

namespace Actors.Edge.Mapper;

/// <summary>
/// Arguments of <c>edgecore mapper</c>: the broker (<c>HOST:PORT</c>), the device id as written in topics
/// (<c>&lt;namespace&gt;/&lt;name&gt;</c> or <c>&lt;name&gt;</c>), the properties to report as simulated readings, and how often.
/// </summary>
public sealed record MapperArguments(string Host, int Port, string DeviceId, IReadOnlyList<string> Reports, TimeSpan Interval)
{
    public const string Usage =
        "usage: edgecore mapper --device NAMESPACE/NAME [--broker HOST:PORT] [--report PROPERTY]... [--interval SECONDS]";

    /// <summary>Parses the arguments after <c>mapper</c>; throws <see cref="ArgumentException"/> with a clear message.</summary>
    public static MapperArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (host, port, device, interval) = ("127.0.0.1", 1884, string.Empty, TimeSpan.FromSeconds(5));
        var reports = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException("missing value after " + name);
            switch (name)
            {
                case "--broker":
                    (host, port) = ParseBroker(value);
                    break;
                case "--device":
                    device = ValidDevice(value);
                    break;
                case "--report":
                    reports.Add(ValidName(value));
                    break;
                case "--interval":
                    interval = TimeSpan.FromSeconds(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= 0.1 && s <= 86_400
                        ? s : throw new ArgumentException("--interval expects seconds between 0.1 and 86400, got '" + value + "'"));
                    break;
                default:
                    throw new ArgumentException("unknown option " + name);
            }
        }

        return device.Length > 0 ? new MapperArguments(host, port, device, reports, interval) : throw new ArgumentException("--device is required");
    }

    private static (string Host, int Port) ParseBroker(string value)
    {
        var text = value.StartsWith("tcp://", StringComparison.Ordinal) ? value[6..] : value;
        var colon = text.LastIndexOf(':');
        return colon > 0 && int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? (text[..colon].Trim('[', ']'), port)
            : throw new ArgumentException("--broker expects HOST:PORT, got '" + value + "'");
    }

    private static string ValidDevice(string value)
    {
        var parts = value.Split('/');
        return parts.Length is 1 or 2 && parts.All(p => p.Length > 0 && !p.AsSpan().ContainsAny("+#")) ? value
            : throw new ArgumentException("--device expects NAMESPACE/NAME or NAME, got '" + value + "'");
    }

    private static string ValidName(string value) =>
        value.Length > 0 && !value.AsSpan().ContainsAny("\"\\") ? value : throw new ArgumentException("--report expects a property name, got '" + value + "'");
}
