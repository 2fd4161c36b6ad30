using Actors.Kernel.Dispatch;
using Actors.Kernel.Event;

namespace Actors.Kernel.Actor;

/// <summary>The temporary reply reference behind Ask: completes its task with the first reply.</summary>
internal sealed class FutureActorRef<T> : InternalActorRef
{
    private readonly TaskCompletionSource<T> _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer? _timer;
    private readonly CancellationTokenRegistration _registration;

    public FutureActorRef(ActorSystem system, TimeSpan timeout, CancellationToken cancellationToken)
    {
        System = system;
        Path = system.NextTempPath();
        if (timeout > TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            _timer = system.TimeProvider.CreateTimer(
                static s => ((FutureActorRef<T>)s!).Fail(new AskTimeoutException(
                    "Timeout after " + ((FutureActorRef<T>)s!).AskTimeout.TotalSeconds.ToString("0.00", global::System.Globalization.CultureInfo.InvariantCulture) + " seconds")),
                this, timeout, Timeout.InfiniteTimeSpan);
        }

        AskTimeout = timeout;
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.Register(() =>
            {
                if (_tcs.TrySetCanceled(cancellationToken))
                {
                    Cleanup();
                }
            });
        }
    }

    public Task<T> Task => _tcs.Task;

    public TimeSpan AskTimeout { get; }

    public override ActorPath Path { get; }

    public override ActorSystem System { get; }

    public override bool IsTerminated => _tcs.Task.IsCompleted;

    public override void Tell(object message, IActorRef? sender)
    {
        var done = message switch
        {
            Status.Failure f => _tcs.TrySetException(f.Cause),
            T value => _tcs.TrySetResult(value),
            _ => _tcs.TrySetException(new ArgumentException(
                "Ask expected message of type " + typeof(T) + " but received " + message.GetType())),
        };
        if (done)
        {
            Cleanup();
        }
        else
        {
            System.DeadLetters.Tell(new DeadLetter(message, sender ?? System.DeadLetters, this), sender);
        }
    }

    public override void SendSystemMessage(SystemMessage message) => ActorSystem.DeadLetterSystemMessage(this, message);

    internal void Fail(Exception ex)
    {
        if (_tcs.TrySetException(ex))
        {
            Cleanup();
        }
    }

    private void Cleanup()
    {
        _timer?.Dispose();
        _registration.Dispose();
    }
}
