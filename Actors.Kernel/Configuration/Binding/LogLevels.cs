using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Configuration.Binding;

/// <summary>Log level names accepted in config: Akka's (DEBUG, INFO, WARNING, ERROR, OFF) and .NET's, any case.</summary>
public static class LogLevels
{
    /// <summary>The accepted names, lower-case.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["trace", "debug", "info", "information", "warning", "warn", "error", "critical", "off", "none"];

    /// <summary>Maps a name to a level; null when unknown.</summary>
    public static LogLevel? TryParse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" or "information" => LogLevel.Information,
        "warning" or "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "critical" => LogLevel.Critical,
        "off" or "none" => LogLevel.None,
        _ => null,
    };

    /// <summary>Reads <paramref name="key"/> as a level; an unknown name is recorded as an error naming the key.</summary>
    public static LogLevel Parse(ConfigBinder binder, string key, LogLevel fallback)
    {
        ArgumentNullException.ThrowIfNull(binder);
        var text = binder.String(key, fallback.ToString());
        if (TryParse(text) is { } level)
        {
            return level;
        }

        binder.Error(key, $"unknown log level '{text}', expected one of {string.Join(", ", Names)}");
        return fallback;
    }
}
