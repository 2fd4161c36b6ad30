using Actors.Kernel.Dispatch;

namespace Actors.Kernel.Actor;

/// <summary>GracefulStop: send a stop message and wait until the actor has terminated.</summary>
public static class GracefulStopSupport
{
    /// <summary>True when the actor terminated within <paramref name="timeout"/>, false otherwise.</summary>
    public static Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout) => target.GracefulStop(timeout, PoisonPill.Instance);

    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object stopMessage)
    {
        if (target is not InternalActorRef internalTarget || internalTarget.System is not { } system)
        {
            return true;
        }

        var watcher = new WatcherRef(system);
        internalTarget.SendSystemMessage(new Watch(target, watcher));
        target.Tell(stopMessage, null);
        try
        {
            await watcher.Terminated.WaitAsync(timeout, system.TimeProvider).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            internalTarget.SendSystemMessage(new Unwatch(target, watcher));
            return false;
        }
    }

    private sealed class WatcherRef(ActorSystem system) : InternalActorRef
    {
        private readonly TaskCompletionSource _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Terminated => _tcs.Task;

        public override ActorPath Path { get; } = system.NextTempPath();

        public override ActorSystem System => system;

        public override bool IsTerminated => _tcs.Task.IsCompleted;

        public override void Tell(object message, IActorRef? sender)
        {
        }

        public override void SendSystemMessage(SystemMessage message)
        {
            if (message is DeathWatchNotification)
            {
                _tcs.TrySetResult();
            }
        }
    }
}
