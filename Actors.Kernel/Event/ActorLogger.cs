using System.Collections;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Event;

/// <summary>
/// ILogger used inside the kernel and by actors: prefixes every line with the source (the actor
/// path), adds an <c>ActorPath</c> structured value, and publishes a <see cref="LogEvent"/> on the
/// event stream for levels at or above the system's log level.
/// </summary>
internal sealed class ActorLogger(ILogger inner, EventStream stream, string source, LogLevel publishLevel, TimeProvider time) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => logLevel >= publishLevel || inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var publish = logLevel >= publishLevel && logLevel != LogLevel.None;
        var write = inner.IsEnabled(logLevel);
        if (!publish && !write)
        {
            return;
        }

        var text = formatter(state, exception);
        if (publish)
        {
            stream.Publish(new LogEvent(logLevel, source, text, exception, time.GetUtcNow()));
        }

        if (write)
        {
            var pairs = state as IReadOnlyList<KeyValuePair<string, object?>>;
            inner.Log(logLevel, eventId, new PrefixedState(source, text, pairs), exception, static (s, _) => s.ToString());
        }
    }

    private sealed class PrefixedState(string source, string text, IReadOnlyList<KeyValuePair<string, object?>>? pairs)
        : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 1 + (pairs?.Count ?? 0);

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new("ActorPath", source) : pairs![index - 1];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => "[" + source + "] " + text;
    }
}
