namespace Actors.Kernel.Actor;

/// <summary>PipeTo: send a task's outcome as a message (failure as <see cref="Status.Failure"/>).</summary>
public static class PipeToSupport
{
    public static Task PipeTo<T>(this Task<T> task, ICanTell recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null) =>
        task.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    var result = success is null ? t.Result : success(t.Result);
                    if (result is not null)
                    {
                        recipient.Tell(result, sender);
                    }
                }
                else
                {
                    var ex = Unwrap(t);
                    recipient.Tell(failure is null ? new Status.Failure(ex) : failure(ex), sender);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    public static Task PipeTo(this Task task, ICanTell recipient, IActorRef? sender = null,
        Func<object>? success = null, Func<Exception, object>? failure = null) =>
        task.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    if (success is not null)
                    {
                        recipient.Tell(success(), sender);
                    }
                }
                else
                {
                    var ex = Unwrap(t);
                    recipient.Tell(failure is null ? new Status.Failure(ex) : failure(ex), sender);
                }
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static Exception Unwrap(Task t) =>
        t.Exception is { } agg ? (agg.InnerExceptions.Count == 1 ? agg.InnerExceptions[0] : agg) : new TaskCanceledException(t);
}
