using Actors.Kernel.Actor;

namespace Actors.Kernel.Configuration.Binding;

/// <summary>
/// Binds <see cref="ActorSystemSettings"/> from the <c>akka.*</c> keys of a config (defaults in the
/// kernel's reference.conf). Errors name the key; <see cref="ActorSystemSettings.Validate"/> runs too.
/// </summary>
public static class ActorSystemSettingsBinder
{
    /// <summary>The settings and every binding/validation error (empty when valid).</summary>
    public static (ActorSystemSettings Settings, IReadOnlyList<string> Errors) Bind(Config config)
    {
        var b = new ConfigBinder(config);
        var d = ActorSystemSettings.Default;
        var settings = d with
        {
            DispatcherThroughput = b.Int("akka.actor.default-dispatcher.throughput", d.DispatcherThroughput, min: 1),
            AskTimeout = b.Duration("akka.actor.ask-timeout", d.AskTimeout, allowInfinite: true),
            DefaultMailboxCapacity = b.Int("akka.actor.default-mailbox.mailbox-capacity", d.DefaultMailboxCapacity),
            LogLevel = LogLevels.Parse(b, "akka.loglevel", d.LogLevel),
            LogDeadLetters = DeadLetters(b, config, d.LogDeadLetters),
            LogDeadLettersSuspendDuration = b.Duration("akka.log-dead-letters-suspend-duration", d.LogDeadLettersSuspendDuration, allowZero: true),
            LogDeadLettersDuringShutdown = b.Bool("akka.log-dead-letters-during-shutdown", d.LogDeadLettersDuringShutdown),
            CoordinatedShutdownDefaultPhaseTimeout = b.Duration("akka.coordinated-shutdown.default-phase-timeout", d.CoordinatedShutdownDefaultPhaseTimeout),
            CoordinatedShutdownPhaseTimeouts = Phases(b, config),
            CoordinatedShutdownTerminateActorSystem = b.Bool("akka.coordinated-shutdown.terminate-actor-system", true),
            CoordinatedShutdownRunByActorSystemTerminate = b.Bool("akka.coordinated-shutdown.run-by-actor-system-terminate", true),
        };
        var errors = b.Errors.ToList();
        if (errors.Count == 0)
        {
            errors.AddRange(settings.Validate());
        }

        return (settings, errors);
    }

    // Akka accepts on/off (on = 10) or a count for log-dead-letters.
    private static int DeadLetters(ConfigBinder b, Config config, int fallback)
    {
        const string key = "akka.log-dead-letters";
        var text = config.HasPath(key) ? config.GetString(key)?.Trim().ToLowerInvariant() : null;
        return text switch
        {
            null => fallback,
            "on" or "true" or "yes" => 10,
            "off" or "false" or "no" => 0,
            _ => b.Int(key, fallback, min: 0),
        };
    }

    private static Dictionary<string, TimeSpan> Phases(ConfigBinder b, Config config)
    {
        var result = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        const string root = "akka.coordinated-shutdown.phases";
        if (!config.HasPath(root))
        {
            return result;
        }

        foreach (var phase in config.GetConfig(root).Root.Keys)
        {
            var key = root + "." + HoconPath.Render([phase]) + ".timeout";
            if (!CoordinatedShutdown.PhaseNames.Contains(phase))
            {
                b.Error(root + "." + phase, "not a known coordinated-shutdown phase (" + string.Join(", ", CoordinatedShutdown.PhaseNames) + ")");
            }
            else if (config.HasPath(key))
            {
                result[phase] = b.Duration(key, TimeSpan.FromSeconds(5));
            }
        }

        return result;
    }
}
