using Actors.Kernel.Actor;

namespace Actors.Kernel.Dispatch;

/// <summary>
/// Kernel-internal control messages. They travel in a separate intrusive queue that the mailbox
/// drains before (and between) user messages. Each instance is enqueued at most once.
/// </summary>
internal abstract class SystemMessage
{
    internal SystemMessage? Next;
}

internal sealed class Create : SystemMessage;

internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>
/// Ends one suspension. With a cause it answers the actor's own failure (the supervisor chose
/// Resume); without one it balances a <see cref="Suspend"/> sent because an ancestor failed.
/// </summary>
internal sealed class Resume(Exception? cause) : SystemMessage
{
    public Exception? Cause { get; } = cause;
}

/// <summary>An ancestor failed: stop processing user messages (recursively) until resumed or restarted.</summary>
internal sealed class Suspend : SystemMessage;

internal sealed class Terminate : SystemMessage;

internal sealed class Failed(IActorRef child, Exception cause, long uid) : SystemMessage
{
    public IActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;

    public long Uid { get; } = uid;
}

internal sealed class Watch(IActorRef watchee, IActorRef watcher) : SystemMessage
{
    public IActorRef Watchee { get; } = watchee;

    public IActorRef Watcher { get; } = watcher;
}

internal sealed class Unwatch(IActorRef watchee, IActorRef watcher) : SystemMessage
{
    public IActorRef Watchee { get; } = watchee;

    public IActorRef Watcher { get; } = watcher;
}

internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed) : SystemMessage
{
    public IActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;
}

/// <summary>Runs a continuation of a ReceiveAsync handler inside the actor.</summary>
internal sealed class RunContinuation(SendOrPostCallback callback, object? state) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;

    public object? State { get; } = state;
}

/// <summary>The task returned by a ReceiveAsync handler has completed.</summary>
internal sealed class AsyncHandlerCompleted(Task task) : SystemMessage
{
    public Task Task { get; } = task;
}
