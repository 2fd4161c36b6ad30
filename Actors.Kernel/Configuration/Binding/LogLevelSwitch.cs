using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Configuration.Binding;

/// <summary>The minimum log level of a host, changeable at run time (SIGHUP reload of the log-level key).</summary>
public sealed class LogLevelSwitch(LogLevel initial)
{
    private volatile int _level = (int)initial;

    public LogLevel Level
    {
        get => (LogLevel)_level;
        set => _level = (int)value;
    }

    /// <summary>Filter for <c>ILoggingBuilder.AddFilter</c>.</summary>
    public bool IsEnabled(LogLevel level) => level != LogLevel.None && level >= Level;
}
