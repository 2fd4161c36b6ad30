using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Actor;

/// <summary>
/// Ordered, time-limited shutdown: phases run one after another (Akka.NET's default phase list),
/// tasks of one phase run in parallel. A failing or timed-out task is logged and the next phase
/// runs (Akka's <c>recover = on</c>). The last phase terminates the actor system.
/// </summary>
public sealed partial class CoordinatedShutdown
{
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";
    public const string PhaseServiceUnbind = "service-unbind";
    public const string PhaseServiceRequestsDone = "service-requests-done";
    public const string PhaseServiceStop = "service-stop";
    public const string PhaseBeforeClusterShutdown = "before-cluster-shutdown";
    public const string PhaseClusterShardingShutdownRegion = "cluster-sharding-shutdown-region";
    public const string PhaseClusterLeave = "cluster-leave";
    public const string PhaseClusterExiting = "cluster-exiting";
    public const string PhaseClusterExitingDone = "cluster-exiting-done";
    public const string PhaseClusterShutdown = "cluster-shutdown";
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    /// <summary>The phases in execution order.</summary>
    public static readonly IReadOnlyList<string> PhaseNames =
    [
        PhaseBeforeServiceUnbind, PhaseServiceUnbind, PhaseServiceRequestsDone, PhaseServiceStop,
        PhaseBeforeClusterShutdown, PhaseClusterShardingShutdownRegion, PhaseClusterLeave, PhaseClusterExiting,
        PhaseClusterExitingDone, PhaseClusterShutdown, PhaseBeforeActorSystemTerminate, PhaseActorSystemTerminate,
    ];

    private static readonly FrozenSet<string> TenSecondPhases =
        FrozenSet.Create(StringComparer.Ordinal, PhaseClusterShardingShutdownRegion, PhaseClusterExiting, PhaseActorSystemTerminate);

    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Name, Func<Task<Done>> Task)>> _tasks = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private Task<Done>? _running;

    internal CoordinatedShutdown(ActorSystem system) => _system = system;

    /// <summary>The system's instance (Akka.NET's extension accessor).</summary>
    public static CoordinatedShutdown Get(ActorSystem system) => system.CoordinatedShutdown;

    /// <summary>Why the shutdown runs; null until <see cref="Run"/> was called.</summary>
    public Reason? ShutdownReason { get; private set; }

    /// <summary>Sum of the timeouts of phases that have tasks.</summary>
    public TimeSpan TotalTimeout => PhaseNames.Where(p => _tasks.ContainsKey(p)).Aggregate(TimeSpan.Zero, (a, p) => a + Timeout(p));

    /// <summary>Adds a task to a phase; unknown phases throw <see cref="ArgumentException"/>.</summary>
    public void AddTask(string phase, string taskName, Func<Task<Done>> task)
    {
        if (!PhaseNames.Contains(phase))
        {
            throw new ArgumentException("Unknown phase [" + phase + "], known phases: " + string.Join(", ", PhaseNames), nameof(phase));
        }

        ArgumentException.ThrowIfNullOrEmpty(taskName);
        _tasks.GetOrAdd(phase, _ => new()).Enqueue((taskName, task));
    }

    /// <summary>The configured timeout of a phase.</summary>
    public TimeSpan Timeout(string phase) =>
        _system.Settings.CoordinatedShutdownPhaseTimeouts.TryGetValue(phase, out var t) ? t
        : TenSecondPhases.Contains(phase) ? TimeSpan.FromSeconds(10)
        : _system.Settings.CoordinatedShutdownDefaultPhaseTimeout;

    /// <summary>Runs the phases from <paramref name="fromPhase"/> (default: the first). Only the first call starts it.</summary>
    public Task<Done> Run(Reason reason, string? fromPhase = null)
    {
        lock (_gate)
        {
            if (_running is not null)
            {
                return _running;
            }

            ShutdownReason = reason;
            _running = RunPhases(fromPhase);
            return _running;
        }
    }

    private async Task<Done> RunPhases(string? fromPhase)
    {
        var start = fromPhase is null ? 0 : PhaseNames.ToList().IndexOf(fromPhase);
        for (var i = Math.Max(0, start); i < PhaseNames.Count; i++)
        {
            var phase = PhaseNames[i];
            if (_tasks.TryGetValue(phase, out var tasks))
            {
                await RunPhase(phase, tasks.ToArray()).ConfigureAwait(false);
            }

            if (phase == PhaseActorSystemTerminate && _system.Settings.CoordinatedShutdownTerminateActorSystem)
            {
                _system.FinalTerminate();
                await WaitQuietly(_system.WhenTerminated, phase, "terminate-system").ConfigureAwait(false);
            }
        }

        return Done.Instance;
    }

    private Task RunPhase(string phase, (string Name, Func<Task<Done>> Task)[] tasks) =>
        Task.WhenAll(tasks.Select(t => WaitQuietly(Start(t.Task), phase, t.Name)));

    private static Task Start(Func<Task<Done>> task)
    {
        try
        {
            return task();
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    private async Task WaitQuietly(Task task, string phase, string name)
    {
        try
        {
            await task.WaitAsync(Timeout(phase), _system.TimeProvider).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _system.Log.LogWarning("Coordinated shutdown phase [{Phase}] task [{Task}] timed out after {Timeout}", phase, name, Timeout(phase));
        }
        catch (Exception ex)
        {
            _system.Log.LogWarning(ex, "Coordinated shutdown phase [{Phase}] task [{Task}] failed", phase, name);
        }
    }
}
