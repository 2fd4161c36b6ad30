using Actors.Kernel.Actor;
using Actors.TestKit.EventFilter;
using Actors.TestKit.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Actors.TestKit;

/// <summary>
/// xunit base class: a fresh <see cref="ActorSystem"/> (default name "test") per test, a
/// <see cref="TestKitBase.TestActor"/> that is the implicit sender of <c>Tell(message)</c> from the
/// test body, and shutdown on dispose. Pass an <see cref="ITestOutputHelper"/> to see log lines.
/// </summary>
public abstract class TestKit : TestKitBase, IDisposable, IAsyncDisposable
{
    private bool _disposed;

    protected TestKit(ActorSystemSettings? settings = null, string? systemName = null, ITestOutputHelper? output = null)
        : base(TestKitSettings.FromEnvironment())
    {
        settings ??= ActorSystemSettings.Default;
        if (output is not null && settings.LoggerFactory is NullLoggerFactory)
        {
            settings = settings with { LoggerFactory = new XunitLoggerFactory(output) };
        }

        var system = ActorSystem.Create(systemName ?? "test", settings);
        InitializeTest(system, "testActor1");
        system.ImplicitSenderOutsideActors = TestActor;
        EventFilter = new EventFilterFactory(this);
    }

    /// <summary>Expect log events or dead letters while running a block.</summary>
    public EventFilterFactory EventFilter { get; }

    /// <summary>Hook run before the system shuts down.</summary>
    protected virtual void AfterAll()
    {
    }

    /// <summary>Terminates the system, waiting up to min(Dilated(5 s), 10 s).</summary>
    protected void Shutdown(TimeSpan? duration = null, bool verifySystemShutdown = false)
    {
        var wait = duration ?? TimeSpan.FromTicks(Math.Min(Dilated(TimeSpan.FromSeconds(5)).Ticks, TimeSpan.FromSeconds(10).Ticks));
        var done = Sys.Terminate().Wait(wait);
        if (!done && verifySystemShutdown)
        {
            Xunit.Assert.Fail("Failed to stop [" + Sys.Name + "] within [" + wait + "]");
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        AfterAll();
        Shutdown();
    }
}
