using Actors.Kernel.Actor;
using Actors.Kernel.Diagnostics;

namespace Actors.Edge.Modules.EdgeD;

/// <summary>
/// EdgeD's metrics (one set per actor system): <c>edgeactors_edged_container_starts_total</c> (containers EdgeD
/// started, restarts included), <c>edgeactors_edged_running_pods</c> (pods with at
/// least one running container at the last relist) and <c>edgeactors_edged_gc_runs_total{kind="container"|"image"}</c>.
/// </summary>
internal sealed class EdgedMetrics
{
    private readonly MetricCell _starts;
    private readonly MetricCell _runningPods;
    private readonly MetricFamily _gcRuns;

    private EdgedMetrics(MetricsRegistry metrics)
    {
        _starts = metrics.Counter("edgeactors_edged_container_starts_total", "Containers started by EdgeD (restarts included).").WithLabels();
        _runningPods = metrics.Gauge("edgeactors_edged_running_pods", "Pods with at least one running container.").WithLabels();
        _gcRuns = metrics.Counter("edgeactors_edged_gc_runs_total", "Completed garbage collection runs, by kind.", "kind");
    }

    public static EdgedMetrics Get(ActorSystem system) => system.GetOrAddExtension(s => new EdgedMetrics(MetricsRegistry.Get(s)));

    public void ContainerStarted() => _starts.Inc();

    public void RunningPods(int count) => _runningPods.Set(count);

    public void GcRun(string kind) => _gcRuns.WithLabels(kind).Inc();
}
