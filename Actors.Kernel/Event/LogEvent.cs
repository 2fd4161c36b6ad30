using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Event;

/// <summary>A log line as published on the event stream (what the TestKit's EventFilter observes).</summary>
public sealed record LogEvent(LogLevel Level, string LogSource, string Message, Exception? Cause, DateTimeOffset Timestamp)
{
    public override string ToString() => "[" + Level + "][" + LogSource + "] " + Message + (Cause is null ? "" : " " + Cause);
}
