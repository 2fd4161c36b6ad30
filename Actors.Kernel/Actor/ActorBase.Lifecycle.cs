namespace Actors.Kernel.Actor;

/// <summary>Lifecycle hooks with Akka.NET's defaults.</summary>
public abstract partial class ActorBase
{
    /// <summary>Called after creation (and by the default <see cref="PostRestart"/>).</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Called after the actor stopped (its children have stopped already).</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Default: unwatch and stop every child, then <see cref="PostStop"/>.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.GetChildren())
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Default: <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    public virtual void AroundPreStart() => PreStart();

    /// <summary>Cancels timers and unstashes everything, then calls <see cref="PreRestart"/>.</summary>
    public virtual void AroundPreRestart(Exception cause, object? message)
    {
        BeforeIncarnationEnds();
        PreRestart(cause, message);
    }

    public virtual void AroundPostRestart(Exception cause) => PostRestart(cause);

    /// <summary>Cancels timers and unstashes everything, then calls <see cref="PostStop"/>.</summary>
    public virtual void AroundPostStop()
    {
        BeforeIncarnationEnds();
        PostStop();
    }

    private void BeforeIncarnationEnds()
    {
        if (this is IWithTimers { Timers: { } timers })
        {
            timers.CancelAll();
        }

        if (this is IWithUnboundedStash { Stash: { } stash })
        {
            stash.UnstashAll();
        }
    }
}
