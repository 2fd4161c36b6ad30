using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge.Host;

/// <summary>Host-wide edgecore settings (<c>edgecore.*</c> outside <c>modules</c>).</summary>
public sealed record EdgeCoreOptions(string NodeName, string DataDir, string LogLevel, string LogFormat, int MetricsPort)
{
    public const string Path = "edgecore";
    public const string DefaultDataDir = "/var/lib/edgeactors/edgecore";
    public const string DefaultLogLevel = "info";
    public const string DefaultLogFormat = "text";
    public const int DefaultMetricsPort = 10350;

    /// <summary>Binds; errors (naming the key) are added to <paramref name="b"/>.</summary>
    public static EdgeCoreOptions From(ConfigBinder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var level = b.String(Path + ".log-level", DefaultLogLevel);
        if (LogLevels.TryParse(level) is null)
        {
            b.Error(Path + ".log-level", $"unknown log level '{level}', expected one of {string.Join(", ", LogLevels.Names)}");
        }

        return new EdgeCoreOptions(
            b.String(Path + ".node-name", string.Empty),
            b.String(Path + ".data-dir", DefaultDataDir, allowEmpty: false),
            level,
            b.OneOf(Path + ".log-format", DefaultLogFormat, [.. HostLogging.Formats]),
            b.Int(Path + ".metrics.port", DefaultMetricsPort, 0, 65535));
    }

    /// <summary>Binds, throwing one <see cref="ConfigurationException"/> listing every error.</summary>
    public static EdgeCoreOptions From(Config c) => OptionsBinding.Bind(c, From);
}
