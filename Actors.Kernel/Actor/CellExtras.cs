using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Actor;

/// <summary>Rarely used per-actor state, allocated on first use to keep idle actors small.</summary>
internal sealed class CellExtras
{
    /// <summary>Actors this one watches, with the custom message of WatchWith (or null).</summary>
    public Dictionary<IActorRef, object?>? Watching;

    /// <summary>Actors watching this one.</summary>
    public HashSet<IActorRef>? WatchedBy;

    /// <summary>Behaviours above the actor's own Receive (top = last).</summary>
    public List<Receive>? Behaviors;

    public TimeSpan? ReceiveTimeout;
    public ITimer? ReceiveTimeoutTimer;
    public ILogger? Logger;
    public ActorSynchronizationContext? SyncContext;
    public Task? PendingTask;
    public Exception? PendingRestartCause;

    /// <summary>Restart counting of this actor, kept by its parent (written on the parent's thread only).</summary>
    public ChildRestartStats? RestartStats;

    /// <summary>While failed: the actor whose failure this is (the cell itself, or the child whose failure was escalated).</summary>
    public LocalActorRef? Perpetrator;

    /// <summary>System messages put aside while failed or waiting for children (Akka's system-message stash).</summary>
    public Queue<Dispatch.SystemMessage>? StashedSystem;
}
