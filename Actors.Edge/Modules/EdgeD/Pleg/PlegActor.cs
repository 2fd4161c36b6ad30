using Actors.Cri.Grpc;
using Actors.Cri.Runtime;
using Actors.Edge.Modules.EdgeD.Runtime;
using Actors.Kernel.Actor;
using Actors.Kernel.Event;
using Microsoft.Extensions.Logging;
using Runtime.V1;

namespace Actors.Edge.Modules.EdgeD.Pleg;

/// <summary>
/// Pod lifecycle event generator: relists EdgeD's containers every period (re-armed after each relist, so a slow
/// runtime never piles relists up), compares each container's state with the previous relist and tells the parent
/// <see cref="PodLifecycleEvents"/> for the pods whose containers started, died, appeared or disappeared.
/// </summary>
internal sealed class PlegActor : ReceiveActor, IWithTimers
{
    private const string RelistTimer = "relist";
    private readonly IRuntimeService _runtime;
    private readonly TimeSpan _period;
    private Dictionary<string, (string PodUid, ContainerState State)> _last = new(StringComparer.Ordinal);
    private bool _failing;

    public PlegActor(IRuntimeService runtime, TimeSpan period)
    {
        _runtime = runtime;
        _period = period;
        ReceiveAsync<Tick>(_ => RelistAsync());
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart() => Timers.StartSingleTimer(RelistTimer, new Tick(), _period);

    /// <summary>The events between two relists (pure).</summary>
    internal static List<PodLifecycleEvent> Diff(
        IReadOnlyDictionary<string, (string PodUid, ContainerState State)> before,
        IReadOnlyDictionary<string, (string PodUid, ContainerState State)> after)
    {
        var events = new List<PodLifecycleEvent>();
        foreach (var (id, now) in after)
        {
            if (!before.TryGetValue(id, out var old) || old.State != now.State)
            {
                events.Add(new PodLifecycleEvent(now.PodUid, id, Kind(now.State)));
            }
        }

        foreach (var (id, old) in before)
        {
            if (!after.ContainsKey(id))
            {
                events.Add(new PodLifecycleEvent(old.PodUid, id, "ContainerRemoved"));
            }
        }

        return events;
    }

    private static string Kind(ContainerState state) => state switch
    {
        ContainerState.ContainerRunning => "ContainerStarted",
        ContainerState.ContainerExited => "ContainerDied",
        _ => "ContainerChanged",
    };

    private async Task RelistAsync()
    {
        try
        {
            var filter = new ContainerFilter();
            filter.LabelSelector[PodLabels.ManagedBy] = PodLabels.ManagedByValue;
            var containers = await Task.Run(() => _runtime.ListContainersAsync(filter));
            var now = containers
                .Where(c => c.Labels.ContainsKey(PodLabels.PodUid))
                .ToDictionary(c => c.Id, c => (c.Labels[PodLabels.PodUid], c.State), StringComparer.Ordinal);
            var events = Diff(_last, now);
            EdgedMetrics.Get(Context.System).RunningPods(
                now.Values.Where(c => c.State == ContainerState.ContainerRunning).Select(c => c.Item1).Distinct(StringComparer.Ordinal).Count());
            _last = now;
            if (_failing)
            {
                Context.GetLogger().LogInformation("PLEG relist works again");
                _failing = false;
            }

            if (events.Count > 0)
            {
                Context.Parent.Tell(new PodLifecycleEvents(events), Self);
            }
        }
        catch (CriException e)
        {
            if (!_failing)
            {
                Context.GetLogger().LogWarning("PLEG relist failed: {Error}", e.Message);
                _failing = true;
            }
        }
        finally
        {
            Timers.StartSingleTimer(RelistTimer, new Tick(), _period);
        }
    }
}
