using Actors.Edge.Modules.EdgeD.Prober;
using Actors.Edge.Modules.EdgeD.Status;
using Actors.Kernel.Actor;
using Actors.Kernel.Event;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EdgeD.Pods;

/// <summary>
/// One pod's worker (a child of the EdgeD root, one per pod). Handles one message at a time (async handlers keep the
/// mailbox suspended), so syncs of one pod never overlap while different pods proceed in parallel. After each sync
/// it reports the pod's status to the status manager and arms a timer for the next back-off expiry or retry.
/// If it crashes, the supervisor restarts it: it asks the root for its pod again and adopts the running sandbox.
/// </summary>
internal sealed class PodWorker : ReceiveActor, IWithTimers
{
    private const string WakeTimer = "wake";
    private readonly PodSyncer _syncer;
    private readonly IActorRef _statusManager;
    private readonly TimeProvider _time;
    private readonly string _runtimeName;
    private readonly ProbeRunner _probeRunner;
    private readonly Dictionary<string, IActorRef> _probes = new(StringComparer.Ordinal);
    private PodState _state = new();
    private PodModel? _pod;

    public PodWorker(PodSyncer syncer, IActorRef statusManager, TimeProvider time, string runtimeName, ProbeRunner probeRunner)
    {
        _probeRunner = probeRunner;
        _syncer = syncer;
        _statusManager = statusManager;
        _time = time;
        _runtimeName = runtimeName;
        ReceiveAsync<UpdatePod>(OnUpdateAsync);
        ReceiveAsync<SyncPod>(_ => _pod is null ? Task.CompletedTask : SyncAsync());
        ReceiveAsync<DeletePod>(DeleteAsync);
        ReceiveAsync<ProbeResult>(OnProbeResultAsync);
        Receive<Terminated>(t => RemoveProbe(t.ActorRef));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PostRestart(Exception reason)
    {
        base.PostRestart(reason);
        Context.Parent.Tell(new ResendPod(Self.Path.Name), Self);
    }

    private async Task OnUpdateAsync(UpdatePod update)
    {
        if (_pod is not null && _pod.Uid != update.Pod.Uid)
        {
            Context.GetLogger().LogInformation("Pod {Pod} was replaced (uid {Old} → {New}); removing the old one", update.Pod.Key, _pod.Uid, update.Pod.Uid);
            var (old, oldState) = (_pod, _state);
            await Task.Run(() => _syncer.TeardownAsync(old, oldState, CancellationToken.None));
            _state = new PodState();
        }

        _pod = update.Pod;
        await SyncAsync();
    }

    private async Task SyncAsync()
    {
        var pod = _pod!;
        var state = _state;

        // Runtime calls run on the thread pool: the process runtime starts background tasks that must not capture
        // this actor's synchronization context (they would stall once the actor stops). The mailbox stays suspended
        // until the task completes, so the state is still touched by one sync at a time.
        var wake = await Task.Run(() => _syncer.SyncAsync(pod, state, CancellationToken.None));
        var podIp = _state.SandboxIp.Length > 0 ? _state.SandboxIp : _syncer.Node.HostIp;
        var status = PodStatusBuilder.Build(pod, _state, _runtimeName, _syncer.Node.HostIp, podIp, _time.GetUtcNow());
        _statusManager.Tell(new PodStatusReport(pod.Namespace, pod.Name, pod.Uid, status.ToJsonString()), Self);
        EnsureProbes(pod, podIp);
        if (wake is { } delay)
        {
            Timers.StartSingleTimer(WakeTimer, new SyncPod("timer"), delay);
        }
        else
        {
            Timers.Cancel(WakeTimer);
        }
    }

    private async Task DeleteAsync(DeletePod delete)
    {
        Timers.CancelAll();
        foreach (var probe in _probes.Values)
        {
            Context.Stop(probe);
        }

        if (_pod is { } current)
        {
            var pod = delete.Grace is { } grace ? current with { TerminationGracePeriod = grace } : current;
            var state = _state;
            await Task.Run(() => _syncer.TeardownAsync(pod, state, CancellationToken.None));
            _statusManager.Tell(new ForgetPod(pod.Namespace, pod.Name), Self);
            Context.Parent.Tell(new PodRemoved(pod), Self);
            Context.GetLogger().LogInformation("Pod {Pod} removed", pod.Key);
        }

        Context.Stop(Self);
    }

    /// <summary>Probe workers run for running instances only; a new instance (restart) gets fresh workers and results.</summary>
    private void EnsureProbes(PodModel pod, string podIp)
    {
        foreach (var spec in pod.Containers.Where(c => c.Probes.Count > 0))
        {
            var record = _state.Container(spec.Name);
            var running = record.Current?.State == global::Runtime.V1.ContainerState.ContainerRunning && record.Id is not null;
            if (record.ProbedId != record.Id || !running)
            {
                StopProbes(spec.Name);
                record.ProbedId = running ? record.Id : null;
                record.ReadinessOk = false;
                record.StartupOk = false;
            }

            if (!running)
            {
                continue;
            }

            var hasStartup = spec.Probes.Any(p => p.Kind == ProbeKind.Startup);
            foreach (var probe in spec.Probes)
            {
                var key = spec.Name + "/" + probe.Kind;
                var gated = probe.Kind != ProbeKind.Startup && hasStartup && !record.StartupOk;
                var done = probe.Kind == ProbeKind.Startup && record.StartupOk;
                if (gated || done || _probes.ContainsKey(key))
                {
                    continue;
                }

                var id = record.Id!;
                var runner = _probeRunner;
                var name = "probe-" + spec.Name + "-" + probe.Kind.ToString().ToLowerInvariant() + "-" + id[..Math.Min(12, id.Length)];
                var worker = Context.ActorOf(Props.Create(() => new ProbeWorker(probe, spec.Name, id, podIp, runner)), name);
                Context.Watch(worker);
                _probes[key] = worker;
            }
        }
    }

    private void StopProbes(string container)
    {
        foreach (var key in _probes.Keys.Where(k => k.StartsWith(container + "/", StringComparison.Ordinal)).ToList())
        {
            Context.Unwatch(_probes[key]);
            Context.Stop(_probes[key]);
            _probes.Remove(key);
        }
    }

    private void RemoveProbe(IActorRef probe)
    {
        foreach (var key in _probes.Where(p => p.Value.Equals(probe)).Select(p => p.Key).ToList())
        {
            _probes.Remove(key);
        }
    }

    private async Task OnProbeResultAsync(ProbeResult result)
    {
        if (_pod is not { } pod || !_state.Containers.TryGetValue(result.Container, out var record) || record.Id != result.ContainerId)
        {
            return;
        }

        switch (result.Kind)
        {
            case ProbeKind.Readiness:
                record.ReadinessOk = result.Success;
                break;
            case ProbeKind.Startup when result.Success:
                record.StartupOk = true;
                break;
            default:
                Context.GetLogger().LogInformation("Pod {Pod}: container {Container} failed its {Kind} probe ({Detail}); killing it", pod.Key, result.Container, result.Kind, result.Detail);
                StopProbes(result.Container);
                await Task.Run(() => _syncer.KillContainerAsync(pod, record, CancellationToken.None));
                break;
        }

        await SyncAsync();
    }
}
