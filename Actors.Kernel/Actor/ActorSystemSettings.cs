using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Kernel.Actor;

/// <summary>
/// Typed settings of an <see cref="ActorSystem"/>. Each property documents the Akka HOCON key it
/// corresponds to, so a HOCON binder can fill it; <see cref="Validate"/> names bad keys.
/// </summary>
public sealed record ActorSystemSettings
{
    /// <summary>Defaults as in Akka.NET's akka.conf.</summary>
    public static ActorSystemSettings Default { get; } = new();

    /// <summary><c>akka.actor.default-dispatcher.throughput</c>: user messages per mailbox run (default 30).</summary>
    public int DispatcherThroughput { get; init; } = 30;

    /// <summary><c>akka.actor.ask-timeout</c>: default Ask timeout; infinite (no timer) by default.</summary>
    public TimeSpan AskTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary><c>akka.actor.default-mailbox.mailbox-capacity</c>: 0 or less = unbounded (default).</summary>
    public int DefaultMailboxCapacity { get; init; }

    /// <summary>Clock for the scheduler, timers, receive timeouts, backoff and restart windows (no HOCON key).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where log lines go (no HOCON key; <c>akka.loglevel</c> is <see cref="LogLevel"/>).</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary><c>akka.loglevel</c>: minimum level published on the event stream as LogEvent (default Information).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary><c>akka.log-dead-letters</c>: how many dead letters to log before suspending (0 = off; default 10).</summary>
    public int LogDeadLetters { get; init; } = 10;

    /// <summary><c>akka.log-dead-letters-suspend-duration</c>: pause after the limit is hit (default 5 min).</summary>
    public TimeSpan LogDeadLettersSuspendDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary><c>akka.log-dead-letters-during-shutdown</c> (default off).</summary>
    public bool LogDeadLettersDuringShutdown { get; init; }

    /// <summary><c>akka.actor.guardian-supervisor-strategy</c>: strategy of /user for top-level actors (default: restart).</summary>
    public SupervisorStrategy GuardianSupervisorStrategy { get; init; } = SupervisorStrategy.DefaultStrategy;

    /// <summary><c>akka.coordinated-shutdown.default-phase-timeout</c> (default 5 s).</summary>
    public TimeSpan CoordinatedShutdownDefaultPhaseTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>akka.coordinated-shutdown.phases.&lt;phase&gt;.timeout</c> overrides, by phase name.</summary>
    public IReadOnlyDictionary<string, TimeSpan> CoordinatedShutdownPhaseTimeouts { get; init; } =
        new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    /// <summary><c>akka.coordinated-shutdown.terminate-actor-system</c> (default on).</summary>
    public bool CoordinatedShutdownTerminateActorSystem { get; init; } = true;

    /// <summary><c>akka.coordinated-shutdown.run-by-actor-system-terminate</c> (default on).</summary>
    public bool CoordinatedShutdownRunByActorSystemTerminate { get; init; } = true;

    /// <summary>Returns one message per invalid setting, each naming its HOCON key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (DispatcherThroughput < 1)
        {
            errors.Add("akka.actor.default-dispatcher.throughput must be at least 1, was " + DispatcherThroughput);
        }

        if (AskTimeout <= TimeSpan.Zero && AskTimeout != Timeout.InfiniteTimeSpan)
        {
            errors.Add("akka.actor.ask-timeout must be positive or infinite, was " + AskTimeout);
        }

        if (LogDeadLetters < 0)
        {
            errors.Add("akka.log-dead-letters must not be negative, was " + LogDeadLetters);
        }

        if (LogDeadLettersSuspendDuration < TimeSpan.Zero)
        {
            errors.Add("akka.log-dead-letters-suspend-duration must not be negative");
        }

        if (CoordinatedShutdownDefaultPhaseTimeout <= TimeSpan.Zero)
        {
            errors.Add("akka.coordinated-shutdown.default-phase-timeout must be positive, was " + CoordinatedShutdownDefaultPhaseTimeout);
        }

        foreach (var (phase, timeout) in CoordinatedShutdownPhaseTimeouts)
        {
            if (!CoordinatedShutdown.PhaseNames.Contains(phase))
            {
                errors.Add("akka.coordinated-shutdown.phases." + phase + " is not a known phase");
            }
            else if (timeout <= TimeSpan.Zero)
            {
                errors.Add("akka.coordinated-shutdown.phases." + phase + ".timeout must be positive, was " + timeout);
            }
        }

        return errors;
    }
}
