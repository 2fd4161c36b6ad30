using Actors.Edge.Tests.EdgeD.Support;
using Actors.Kernel.Diagnostics;

namespace Actors.Edge.Tests.EdgeDStatus;

/// <summary>EdgeD's metrics on the process runtime: container starts, running pods, GC runs.</summary>
public sealed class EdgedMetricsTests : TestKit.TestKit
{
    private readonly EdgedHarness _edged;

    public EdgedMetricsTests(Xunit.Abstractions.ITestOutputHelper output)
        : base(output: output) => _edged = new EdgedHarness(Sys, TimeProvider.System, s => s with
        {
            ContainerGcPeriod = TimeSpan.FromMilliseconds(300),
        });

    [Fact]
    public async Task Metrics_PodStartedAndGcRan_Counted()
    {
        var pod = PodJson.Pod("counted", "Always", PodJson.Shell("a", "busybox", "sleep 600"));

        _edged.AddPod(pod);
        await _edged.WaitForStatusAsync(pod, s => s.AllRunning(), "Running");

        await AwaitConditionAsync(() => Task.FromResult(
            Value("edgeactors_edged_container_starts_total") >= 1 && Value("edgeactors_edged_running_pods") == 1
            && Value("edgeactors_edged_gc_runs_total", "container") >= 1), TimeSpan.FromSeconds(20));
    }

    protected override void AfterAll()
    {
        _edged.Dispose();
        base.AfterAll();
    }

    private double Value(string family, params string[] labels) =>
        MetricsRegistry.Get(Sys).Families.SingleOrDefault(f => f.Name == family)?.Collect()
            .SingleOrDefault(s => s.LabelValues.SequenceEqual(labels)).Value ?? -1;
}
