namespace Actors.Kernel.Actor;

/// <summary>Ask: send a message and get the first reply as a task (Akka.NET's <c>Futures</c>).</summary>
public static class Futures
{
    public static Task<object> Ask(this ICanTell self, object message, TimeSpan? timeout = null) =>
        self.Ask<object>(_ => message, timeout, CancellationToken.None);

    public static Task<object> Ask(this ICanTell self, object message, CancellationToken cancellationToken) =>
        self.Ask<object>(_ => message, null, cancellationToken);

    /// <summary>
    /// Sends <paramref name="message"/> with a temporary reply reference as sender. The task fails with
    /// <see cref="AskTimeoutException"/> after the timeout (default <c>akka.actor.ask-timeout</c>) or at
    /// once if the recipient is already terminated; a <see cref="Status.Failure"/> reply faults it.
    /// </summary>
    public static Task<T> Ask<T>(this ICanTell self, object message, TimeSpan? timeout = null) =>
        self.Ask<T>(_ => message, timeout, CancellationToken.None);

    public static Task<T> Ask<T>(this ICanTell self, object message, CancellationToken cancellationToken) =>
        self.Ask<T>(_ => message, null, cancellationToken);

    public static Task<T> Ask<T>(this ICanTell self, object message, TimeSpan? timeout, CancellationToken cancellationToken) =>
        self.Ask<T>(_ => message, timeout, cancellationToken);

    /// <summary>Ask where the message is built from the temporary reply reference.</summary>
    public static Task<T> Ask<T>(this ICanTell self, Func<IActorRef, object> messageFactory, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var system = self switch
        {
            InternalActorRef r => r.System,
            ActorSelection s => (s.Anchor as InternalActorRef)?.System,
            _ => null,
        };
        if (system is null)
        {
            return Task.FromException<T>(new AskTimeoutException("Recipient [" + self + "] is not an actor of a running system."));
        }

        if (self is InternalActorRef { IsTerminated: true } dead)
        {
            return Task.FromException<T>(new AskTimeoutException("Recipient [" + dead + "] had already been terminated."));
        }

        var future = new FutureActorRef<T>(system, timeout ?? system.Settings.AskTimeout, cancellationToken);
        self.Tell(messageFactory(future), future);
        return future.Task;
    }
}
