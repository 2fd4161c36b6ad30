using Actors.Edge.Modules.EdgeD.Pods;
using Actors.Edge.Modules.EdgeD.Prober;

namespace Actors.Edge.Modules.EdgeD;

// Messages inside the EdgeD actor tree (a message family: one file).

/// <summary>Root → pod worker: run (or reconcile to) this pod.</summary>
internal sealed record UpdatePod(PodModel Pod);

/// <summary>Root → pod worker: stop and remove the pod (with this grace period when given, else the pod's own), then stop.</summary>
internal sealed record DeletePod(TimeSpan? Grace = null);

/// <summary>Timer, PLEG or root → pod worker: look at the runtime again and reconcile.</summary>
internal sealed record SyncPod(string Reason);

/// <summary>Pod worker → root: the pod is gone from the runtime and disk.</summary>
internal sealed record PodRemoved(PodModel Pod);

/// <summary>Pod worker (after a restart) → root: send me my pod again.</summary>
internal sealed record ResendPod(string Key);

/// <summary>Pod worker → status manager: the pod's current status (a JSON object text).</summary>
internal sealed record PodStatusReport(string Namespace, string Name, string Uid, string StatusJson);

/// <summary>Pod worker → status manager: the pod is gone, stop reporting it.</summary>
internal sealed record ForgetPod(string Namespace, string Name);

/// <summary>PLEG → root: containers of these pods changed state.</summary>
internal sealed record PodLifecycleEvents(IReadOnlyList<PodLifecycleEvent> Events);

/// <summary>One container state change seen by a relist.</summary>
internal sealed record PodLifecycleEvent(string PodUid, string ContainerId, string Kind);

/// <summary>Self-addressed tick of the periodic actors.</summary>
internal sealed record Tick;

/// <summary>Probe worker → pod worker: the probe's result flipped (or, for liveness/startup, failed past its threshold).</summary>
internal sealed record ProbeResult(string Container, string ContainerId, ProbeKind Kind, bool Success, string Detail);

/// <summary>
/// Root → GC: the uids of the pods this node runs (everything else EdgeD created is an orphan). Orphans are judged only
/// when <paramref name="Complete"/>: after the pods stored in MetaManager were restored at start.
/// </summary>
internal sealed record LivePods(IReadOnlyCollection<string> Uids, bool Complete);

/// <summary>Root → itself: ask MetaManager for the stored pods (attempt n).</summary>
internal sealed record RestoreAttempt(int Attempt);

/// <summary>MetaManager's answer: the JSON of every stored pod.</summary>
internal sealed record PodsRestored(IReadOnlyList<string> Pods);

/// <summary>The restore query failed; retried with back-off.</summary>
internal sealed record RestoreFailed(int Attempt, Exception Error);

/// <summary>GC timer ticks.</summary>
internal sealed record ContainerGcTick;

internal sealed record ImageGcTick;
