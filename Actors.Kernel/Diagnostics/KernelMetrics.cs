using Actors.Kernel.Actor;
using Actors.Kernel.Event;

namespace Actors.Kernel.Diagnostics;

/// <summary>
/// The kernel's own metrics, registered once per system: dead letters (counted from the event stream), uptime and
/// the process' managed heap, working set and thread-pool queue.
/// </summary>
public sealed class KernelMetrics : IDisposable
{
    private readonly IDisposable _deadLetters;

    private KernelMetrics(ActorSystem system)
    {
        var registry = MetricsRegistry.Get(system);
        var dead = registry.Counter("edgeactors_dead_letters_total", "Messages that reached no actor (dead letters, including dropped).");
        _deadLetters = system.EventStream.Subscribe(typeof(AllDeadLetters), _ => dead.Inc());
        registry.Observe("edgeactors_uptime_seconds", "Seconds since the actor system started.", MetricKind.Gauge, [],
            () => [new MetricSample([], system.Uptime.TotalSeconds)]);
        registry.Observe("edgeactors_process_managed_heap_bytes", "Bytes of the managed heap in use.", MetricKind.Gauge, [],
            () => [new MetricSample([], GC.GetTotalMemory(false))]);
        registry.Observe("edgeactors_process_working_set_bytes", "Working set of the process.", MetricKind.Gauge, [],
            () => [new MetricSample([], Environment.WorkingSet)]);
        registry.Observe("edgeactors_threadpool_pending_work_items", "Work items waiting in the thread pool (actor mailboxes scheduled to run).", MetricKind.Gauge, [],
            () => [new MetricSample([], ThreadPool.PendingWorkItemCount)]);
    }

    /// <summary>Registers the kernel metrics of <paramref name="system"/> (idempotent).</summary>
    public static void Register(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        _ = system.GetOrAddExtension(s => new KernelMetrics(s));
    }

    /// <summary>Stops counting dead letters.</summary>
    public void Dispose() => _deadLetters.Dispose();
}
