namespace Actors.Kernel.Actor;

/// <summary>PostRestart of a fresh instance failed (stops under the default decider).</summary>
public class PostRestartException : ActorInitializationException
{
    public PostRestartException()
    {
    }

    public PostRestartException(string message)
        : base(message)
    {
    }

    public PostRestartException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public PostRestartException(IActorRef actor, Exception restartCause, Exception innerException)
        : base(actor, "Exception post restart (" + restartCause.GetType().Name + ")", innerException)
    {
        RestartCause = restartCause;
    }

    public Exception? RestartCause { get; }
}
