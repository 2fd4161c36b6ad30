namespace Actors.Kernel.Actor;

/// <summary>PreRestart of the failed instance threw; logged, the restart goes on.</summary>
public class PreRestartException : ActorInitializationException
{
    public PreRestartException()
    {
    }

    public PreRestartException(string message)
        : base(message)
    {
    }

    public PreRestartException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public PreRestartException(IActorRef actor, Exception restartCause, Exception innerException)
        : base(actor, "Exception pre restart (" + restartCause.GetType().Name + ")", innerException)
    {
        RestartCause = restartCause;
    }

    public Exception? RestartCause { get; }
}
