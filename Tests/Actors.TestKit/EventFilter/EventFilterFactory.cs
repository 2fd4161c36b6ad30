using Actors.Kernel.Event;
using Microsoft.Extensions.Logging;

namespace Actors.TestKit.EventFilter;

/// <summary>
/// Builds filters over events published on the system's event stream: log lines (LogEvent) and
/// dead letters. E.g. <c>EventFilter.Exception&lt;MyException&gt;().ExpectOne(() =&gt; actor.Tell("boom"))</c>.
/// </summary>
public sealed class EventFilterFactory(TestKitBase kit)
{
    /// <summary>Log events whose exception is a <typeparamref name="TException"/>.</summary>
    public EventFilterApplier Exception<TException>(string? message = null, string? start = null, string? contains = null, string? source = null)
        where TException : Exception =>
        Exception(typeof(TException), message, start, contains, source);

    public EventFilterApplier Exception(Type exceptionType, string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Log(e => e.Cause is { } c && exceptionType.IsInstanceOfType(c)
            && TextMatches(c.Message, message, start, contains) && SourceMatches(e, source));

    public EventFilterApplier Error(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        ForLogLevel(LogLevel.Error, message, start, contains, source);

    public EventFilterApplier Warning(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        ForLogLevel(LogLevel.Warning, message, start, contains, source);

    public EventFilterApplier Info(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        ForLogLevel(LogLevel.Information, message, start, contains, source);

    public EventFilterApplier Debug(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        ForLogLevel(LogLevel.Debug, message, start, contains, source);

    public EventFilterApplier ForLogLevel(LogLevel level, string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Log(e => e.Level == level && TextMatches(e.Message, message, start, contains) && SourceMatches(e, source));

    /// <summary>Dead letters of any message.</summary>
    public EventFilterApplier DeadLetter() => DeadLetter<object>();

    /// <summary>Dead letters whose message is a <typeparamref name="T"/> (optionally matching <paramref name="isMatch"/>).</summary>
    public EventFilterApplier DeadLetter<T>(Func<T, bool>? isMatch = null) =>
        new(kit, typeof(Kernel.Event.DeadLetter), e => e is Kernel.Event.DeadLetter d && d.Message is T t && (isMatch is null || isMatch(t)));

    /// <summary>Unhandled messages of type <typeparamref name="T"/>.</summary>
    public EventFilterApplier Unhandled<T>() =>
        new(kit, typeof(UnhandledMessage), e => e is UnhandledMessage u && u.Message is T);

    /// <summary>Any event of type <typeparamref name="TEvent"/> satisfying <paramref name="predicate"/>.</summary>
    public EventFilterApplier Custom<TEvent>(Predicate<TEvent> predicate) =>
        new(kit, typeof(TEvent), e => e is TEvent t && predicate(t));

    private EventFilterApplier Log(Func<LogEvent, bool> match) => new(kit, typeof(LogEvent), e => e is LogEvent l && match(l));

    private static bool TextMatches(string text, string? message, string? start, string? contains) =>
        (message is null || text == message)
        && (start is null || text.StartsWith(start, StringComparison.Ordinal))
        && (contains is null || text.Contains(contains, StringComparison.Ordinal));

    private static bool SourceMatches(LogEvent e, string? source) =>
        source is null || e.LogSource == source || e.LogSource.StartsWith(source, StringComparison.Ordinal);
}
