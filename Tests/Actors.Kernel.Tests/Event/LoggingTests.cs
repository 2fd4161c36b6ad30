using System.Collections.Concurrent;
using Actors.Kernel.Actor;
using Actors.Kernel.Event;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Tests.Event;

public sealed class LoggingTests
{
    [Fact]
    public async Task ActorLogger_ProviderLine_IsPrefixedWithActorPath()
    {
        var factory = new CapturingFactory();
        await using var sys = ActorSystem.Create("logs", new ActorSystemSettings { LoggerFactory = factory });
        var a = sys.ActorOf(Props.Create(() => new Talker()), "talker");
        a.Tell("hello", null);
        await factory.SawHello.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains(factory.Lines, l => l == "[akka://logs/user/talker] said hello");
        Assert.Contains(factory.Paths, p => p == "akka://logs/user/talker");
    }

    private sealed class Talker : ReceiveActor
    {
        public Talker()
        {
            var log = Context.GetLogger();
            Receive<string>(s => log.LogInformation("said {What}", s));
        }
    }

    private sealed class CapturingFactory : ILoggerFactory
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ConcurrentQueue<string> Paths { get; } = new();

        public TaskCompletionSource SawHello { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => new Capturing(this);

        public void Dispose()
        {
        }

        private sealed class Capturing(CapturingFactory owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = formatter(state, exception);
                if (state is IReadOnlyList<KeyValuePair<string, object?>> pairs && pairs.FirstOrDefault(p => p.Key == "ActorPath").Value is string path)
                {
                    owner.Paths.Enqueue(path);
                }

                owner.Lines.Enqueue(line);
                if (line.Contains("hello", StringComparison.Ordinal))
                {
                    owner.SawHello.TrySetResult();
                }
            }
        }
    }
}
