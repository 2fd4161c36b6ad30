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
    private PodState _state = new();
    private PodModel? _pod;

    public PodWorker(PodSyncer syncer, IActorRef statusManager, TimeProvider time, string runtimeName)
    {
        _syncer = syncer;
        _statusManager = statusManager;
        _time = time;
        _runtimeName = runtimeName;
        ReceiveAsync<UpdatePod>(OnUpdateAsync);
        ReceiveAsync<SyncPod>(_ => _pod is null ? Task.CompletedTask : SyncAsync());
        ReceiveAsync<DeletePod>(_ => DeleteAsync());
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
            await _syncer.TeardownAsync(_pod, _state, CancellationToken.None);
            _state = new PodState();
        }

        _pod = update.Pod;
        await SyncAsync();
    }

    private async Task SyncAsync()
    {
        var pod = _pod!;
        var wake = await _syncer.SyncAsync(pod, _state, CancellationToken.None);
        var podIp = _state.SandboxIp.Length > 0 ? _state.SandboxIp : _syncer.Node.HostIp;
        var status = PodStatusBuilder.Build(pod, _state, _runtimeName, _syncer.Node.HostIp, podIp, _time.GetUtcNow());
        _statusManager.Tell(new PodStatusReport(pod.Namespace, pod.Name, pod.Uid, status.ToJsonString()), Self);
        if (wake is { } delay)
        {
            Timers.StartSingleTimer(WakeTimer, new SyncPod("timer"), delay);
        }
        else
        {
            Timers.Cancel(WakeTimer);
        }
    }

    private async Task DeleteAsync()
    {
        Timers.CancelAll();
        if (_pod is { } pod)
        {
            await _syncer.TeardownAsync(pod, _state, CancellationToken.None);
            _statusManager.Tell(new ForgetPod(pod.Namespace, pod.Name), Self);
            Context.Parent.Tell(new PodRemoved(pod), Self);
            Context.GetLogger().LogInformation("Pod {Pod} removed", pod.Key);
        }

        Context.Stop(Self);
    }
}
