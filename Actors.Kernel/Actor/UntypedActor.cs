namespace Actors.Kernel.Actor;

/// <summary>An actor with one <see cref="OnReceive"/> method; call <see cref="ActorBase.Unhandled"/> for unknown messages.</summary>
public abstract class UntypedActor : ActorBase
{
    protected abstract void OnReceive(object message);

    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Replaces the current behaviour with <paramref name="receive"/>.</summary>
    protected void Become(UntypedReceive receive) => Become(m =>
    {
        receive(m);
        return true;
    });

    protected void BecomeStacked(UntypedReceive receive) => BecomeStacked(m =>
    {
        receive(m);
        return true;
    });

    /// <summary>Runs an async block; the mailbox is held until its task completes.</summary>
    protected void RunTask(Func<Task> action) => Cell.RunTask(action);
}
