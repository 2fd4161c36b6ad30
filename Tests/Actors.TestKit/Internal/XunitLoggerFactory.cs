using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Actors.TestKit.Internal;

/// <summary>Writes log lines to the xunit test output.</summary>
internal sealed class XunitLoggerFactory(ITestOutputHelper output) : ILoggerFactory
{
    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => new Logger(output, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ITestOutputHelper output, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            try
            {
                output.WriteLine(logLevel + " " + category + ": " + formatter(state, exception) + (exception is null ? "" : " " + exception));
            }
            catch (InvalidOperationException)
            {
                // The test already finished; xunit rejects late output.
            }
        }
    }
}
