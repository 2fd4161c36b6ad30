using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Actors.Kernel.Configuration.Binding;

/// <summary>Console logging for a host: <c>text</c> (simple console, one line per entry) or <c>json</c> (JSON console formatter).</summary>
public static class HostLogging
{
    /// <summary>The accepted log formats.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["text", "json"];

    /// <summary>A logger factory whose minimum level follows <paramref name="levelSwitch"/>. Dispose it to flush.</summary>
    public static ILoggerFactory Create(string format, LogLevelSwitch levelSwitch)
    {
        ArgumentNullException.ThrowIfNull(levelSwitch);
        return LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            builder.AddFilter((_, level) => levelSwitch.IsEnabled(level));
            if (format == "json")
            {
                builder.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
            }
            else
            {
                builder.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                    o.UseUtcTimestamp = true;
                    o.ColorBehavior = LoggerColorBehavior.Disabled;
                });
            }
        });
    }
}
