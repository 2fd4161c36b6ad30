using Runtime.V1;

namespace Actors.Edge.Modules.EdgeD.Pods;

/// <summary>What a pod worker knows about its pod in the runtime (owned by one worker actor; not thread-safe).</summary>
internal sealed class PodState
{
    public string? SandboxId { get; set; }

    public int SandboxAttempt { get; set; }

    public string SandboxIp { get; set; } = string.Empty;

    public bool SandboxReady { get; set; }

    public bool VolumesReady { get; set; }

    /// <summary>Why the pod cannot progress (volume or runtime error), shown in the status; null when fine.</summary>
    public string? Problem { get; set; }

    public DateTimeOffset? StartTime { get; set; }

    /// <summary>Every init container has succeeded in the current sandbox (true for pods without any).</summary>
    public bool InitDone { get; set; }

    /// <summary>An init container failed and the restart policy is Never: the pod has failed.</summary>
    public bool InitFailed { get; set; }

    public Dictionary<string, ContainerRecord> Containers { get; } = new(StringComparer.Ordinal);

    /// <summary>Condition type → (status, last transition), so transition times only move on a change.</summary>
    public Dictionary<string, (bool Status, DateTimeOffset At)> Conditions { get; } = new(StringComparer.Ordinal);

    public ContainerRecord Container(string name)
    {
        if (!Containers.TryGetValue(name, out var record))
        {
            record = new ContainerRecord();
            Containers[name] = record;
        }

        return record;
    }
}

/// <summary>One container of the pod across its restarts.</summary>
internal sealed class ContainerRecord
{
    /// <summary>The current instance in the runtime, if any.</summary>
    public string? Id { get; set; }

    public string SpecHash { get; set; } = string.Empty;

    public int RestartCount { get; set; }

    /// <summary>The current back-off delay (zero before the first restart).</summary>
    public TimeSpan Backoff { get; set; }

    /// <summary>No restart before this instant (CrashLoopBackOff while it is in the future).</summary>
    public DateTimeOffset? BackoffUntil { get; set; }

    /// <summary>The runtime's last status of the current instance.</summary>
    public ContainerStatus? Current { get; set; }

    /// <summary>The last terminated instance (the pod status' lastState).</summary>
    public ContainerStatus? LastTerminated { get; set; }

    /// <summary>Waiting reason and message when not running (ContainerCreating, CrashLoopBackOff, ErrImagePull...).</summary>
    public string? WaitingReason { get; set; }

    public string? WaitingMessage { get; set; }

    /// <summary>The instance the probe results below belong to (results reset when the instance changes).</summary>
    public string? ProbedId { get; set; }

    /// <summary>Readiness probe result (false until the first success).</summary>
    public bool ReadinessOk { get; set; }

    /// <summary>Startup probe result (false until it succeeds).</summary>
    public bool StartupOk { get; set; }
}
