namespace Actors.Kernel.Actor;

/// <summary>
/// Base of every actor. Instances are created only by the kernel from <see cref="Props"/>
/// (creating one with <c>new</c> elsewhere throws <see cref="ActorInitializationException"/>).
/// </summary>
public abstract partial class ActorBase
{
    private readonly ActorCell _cell;
    private SupervisorStrategy? _strategy;
    private Receive? _receive;

    protected ActorBase()
    {
        _cell = ActorCell.Constructing
            ?? throw new ActorInitializationException(
                null, "Do not create actors using 'new', always create them using an ActorContext/System", null);
    }

    /// <summary>The actor's context (valid on the actor's own thread).</summary>
    protected IActorContext Context => _cell;

    protected IActorRef Self => _cell.Self;

    /// <summary>Sender of the current message; dead letters if there was none.</summary>
    protected IActorRef Sender => _cell.Sender;

    internal ActorCell Cell => _cell;

    internal Receive DefaultReceive => _receive ??= Receive;

    /// <summary>The behaviour; return false for messages that are not handled.</summary>
    protected abstract bool Receive(object message);

    /// <summary>
    /// Called for messages no behaviour handled: an unhandled <see cref="Terminated"/> throws
    /// <see cref="DeathPactException"/>; anything else is published as an UnhandledMessage.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated t)
        {
            throw new DeathPactException(t.ActorRef);
        }

        _cell.PublishUnhandled(message);
    }

    internal void InvokeUnhandled(object message) => Unhandled(message);

    /// <summary>The strategy for this actor's children; default: Props' strategy or <see cref="Actor.SupervisorStrategy.DefaultStrategy"/>.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() =>
        _cell.Props.SupervisorStrategy ?? Actor.SupervisorStrategy.DefaultStrategy;

    internal SupervisorStrategy SupervisorStrategyInternal => _strategy ??= SupervisorStrategy();

    protected void Become(Receive receive) => _cell.Become(receive);

    protected void BecomeStacked(Receive receive) => _cell.BecomeStacked(receive);

    protected void UnbecomeStacked() => _cell.UnbecomeStacked();

    /// <summary>Runs a behaviour on a message; override to intercept every message.</summary>
    protected internal virtual bool AroundReceive(Receive receive, object message) => receive(message);

}
