using Actors.Kernel.Actor;
using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Tests.Configuration.Binding;

public sealed class ActorSystemSettingsBinderTests
{
    private static Config Kernel(string overrides = "") =>
        HoconDocument.Parse(overrides, "test.conf").WithFallback(KernelReference.Load()).Resolve();

    [Fact]
    public void Bind_KernelReference_MatchesAkkaDefaults()
    {
        var (settings, errors) = ActorSystemSettingsBinder.Bind(Kernel());

        Assert.Empty(errors);
        var d = ActorSystemSettings.Default;
        Assert.Equal(d.DispatcherThroughput, settings.DispatcherThroughput);
        Assert.Equal(Timeout.InfiniteTimeSpan, settings.AskTimeout);
        Assert.Equal(d.LogDeadLetters, settings.LogDeadLetters);
        Assert.Equal(d.LogDeadLettersSuspendDuration, settings.LogDeadLettersSuspendDuration);
        Assert.Equal(d.CoordinatedShutdownDefaultPhaseTimeout, settings.CoordinatedShutdownDefaultPhaseTimeout);
        Assert.Equal(LogLevel.Information, settings.LogLevel);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.CoordinatedShutdownPhaseTimeouts[CoordinatedShutdown.PhaseActorSystemTerminate]);
    }

    [Fact]
    public void Bind_Overrides_AreApplied()
    {
        var (settings, errors) = ActorSystemSettingsBinder.Bind(Kernel("""
            akka { loglevel = DEBUG, log-dead-letters = off, actor.ask-timeout = 3s
                   actor.default-dispatcher.throughput = 5
                   coordinated-shutdown.phases.service-unbind.timeout = 20s }
            """));

        Assert.Empty(errors);
        Assert.Equal((LogLevel.Debug, 0, TimeSpan.FromSeconds(3), 5), (settings.LogLevel, settings.LogDeadLetters, settings.AskTimeout, settings.DispatcherThroughput));
        Assert.Equal(TimeSpan.FromSeconds(20), settings.CoordinatedShutdownPhaseTimeouts[CoordinatedShutdown.PhaseServiceUnbind]);
        using var system = ActorSystem.Create("bound", settings);
        Assert.Equal(5, system.Settings.DispatcherThroughput);
    }

    [Theory]
    [InlineData("akka.actor.default-dispatcher.throughput = 0", "akka.actor.default-dispatcher.throughput: must be between 1")]
    [InlineData("akka.actor.default-dispatcher.throughput = fast", "akka.actor.default-dispatcher.throughput:")]
    [InlineData("akka.actor.ask-timeout = -1s", "akka.actor.ask-timeout: must be a positive duration")]
    [InlineData("akka.loglevel = LOUD", "akka.loglevel: unknown log level 'LOUD'")]
    [InlineData("akka.log-dead-letters = -2", "akka.log-dead-letters: must be between 0")]
    [InlineData("akka.coordinated-shutdown.default-phase-timeout = 0s", "akka.coordinated-shutdown.default-phase-timeout: must be a positive duration")]
    [InlineData("akka.coordinated-shutdown.phases.nap.timeout = 1s", "akka.coordinated-shutdown.phases.nap: not a known coordinated-shutdown phase")]
    [InlineData("akka.coordinated-shutdown.phases.service-stop.timeout = later", "akka.coordinated-shutdown.phases.service-stop.timeout:")]
    public void Bind_BadValue_ReportsTheKey(string hocon, string expected)
    {
        var error = Assert.Single(ActorSystemSettingsBinder.Bind(Kernel(hocon)).Errors);

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void KernelValidator_PersistenceConfigured_ValidatesJournalKeys()
    {
        var config = Kernel("""
            akka.persistence.journal.sqlite { connection-string = "Data Source=:memory:", table-name = "bad name", connection-timeout = soon }
            """);

        var errors = new KernelOptionsValidator().Validate(config).ToList();

        Assert.Contains(errors, e => e.StartsWith("akka.persistence.journal.sqlite", StringComparison.Ordinal) && e.Contains("connection-timeout", StringComparison.Ordinal));
        var fixedTimeout = Kernel("""
            akka.persistence.journal.sqlite { connection-string = "Data Source=:memory:", table-name = "bad name" }
            """);
        var second = new KernelOptionsValidator().Validate(fixedTimeout).ToList();
        Assert.Contains(second, e => e.Contains("akka.persistence.journal.sqlite.connection-string", StringComparison.Ordinal));
        Assert.Contains(second, e => e.Contains("akka.persistence.journal.sqlite.table-name", StringComparison.Ordinal));
    }

    [Fact]
    public void KernelValidator_NoConnectionString_SkipsPersistence()
    {
        Assert.Empty(new KernelOptionsValidator().Validate(Kernel()));
    }
}
