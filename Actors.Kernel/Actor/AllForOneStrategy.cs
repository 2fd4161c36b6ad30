namespace Actors.Kernel.Actor;

/// <summary>
/// Applies Restart or Stop to all children of the supervisor (Resume only to the failing one).
/// Use when siblings depend on each other's state.
/// </summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider)
        : this(maxNrOfRetries, withinTimeRange, new LocalOnlyDecider(decider))
    {
    }

    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider)
        : base(decider, ToRetries(maxNrOfRetries), ToWindow(withinTimeRange), true)
    {
    }

    public AllForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(new LocalOnlyDecider(decider), maxNrOfRetries, withinTimeMilliseconds, loggingEnabled)
    {
    }

    public AllForOneStrategy(Func<Exception, Directive> decider)
        : this(null, null, decider)
    {
    }

    internal override void ProcessFailure(ActorCell parent, bool restart, ActorCell child, Exception cause)
    {
        var children = parent.LiveChildCells();
        var allowed = restart;
        if (restart)
        {
            foreach (var c in children)
            {
                allowed &= RequestPermission(parent, c);
            }
        }

        foreach (var c in children)
        {
            if (allowed)
            {
                if (!ReferenceEquals(c, child))
                {
                    // Siblings are suspended (with their subtrees) before they restart, as in Akka.
                    c.Self.SendSystemMessage(new Dispatch.Suspend());
                }

                c.Self.SendSystemMessage(new Dispatch.Recreate(cause));
            }
            else
            {
                ActorCell.StopChild(c.Self);
            }
        }
    }
}
