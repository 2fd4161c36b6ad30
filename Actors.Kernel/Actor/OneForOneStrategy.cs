namespace Actors.Kernel.Actor;

/// <summary>Applies the directive to the failing child only. The usual choice.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    /// <param name="maxNrOfRetries">Restarts allowed (null or -1: unlimited; 0: never restart).</param>
    /// <param name="withinTimeRange">Window for the count (null or infinite: no window).</param>
    /// <param name="decider">Maps exceptions to directives.</param>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : this(maxNrOfRetries, withinTimeRange, new LocalOnlyDecider(decider))
    {
    }

    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider)
        : base(decider, ToRetries(maxNrOfRetries), ToWindow(withinTimeRange), true)
    {
    }

    public OneForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(new LocalOnlyDecider(decider), maxNrOfRetries, withinTimeMilliseconds, loggingEnabled)
    {
    }

    public OneForOneStrategy(Func<Exception, Directive> decider)
        : this(null, null, decider)
    {
    }

    public OneForOneStrategy(IDecider decider)
        : this(null, null, decider)
    {
    }

    internal override void ProcessFailure(ActorCell parent, bool restart, ActorCell child, Exception cause)
    {
        if (restart && RequestPermission(parent, child))
        {
            child.Self.SendSystemMessage(new Dispatch.Recreate(cause));
        }
        else
        {
            ActorCell.StopChild(child.Self);
        }
    }
}
