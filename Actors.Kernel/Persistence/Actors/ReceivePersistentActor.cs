namespace Actors.Kernel.Persistence.Actors;

/// <summary>
/// A persistent actor whose command and recovery handlers are registered in the constructor
/// (Akka.NET's <c>ReceivePersistentActor</c>): <c>Command&lt;T&gt;</c> for live messages,
/// <c>Recover&lt;T&gt;</c> for <see cref="SnapshotOffer"/>, replayed events and
/// <see cref="RecoveryCompleted"/>. Unmatched commands go to <c>Unhandled</c>; unmatched recovery
/// messages are ignored.
/// </summary>
public abstract class ReceivePersistentActor : Eventsourced
{
    private readonly HandlerList _recover = new();
    private HandlerList _commands = new();
    private HandlerList? _building;
    private bool _constructed;

    protected ReceivePersistentActor(PersistenceProvider persistence)
        : base(persistence)
    {
        _building = _commands;
    }

    public override void AroundPreStart()
    {
        _constructed = true;
        _building = null;
        base.AroundPreStart();
    }

    public override void AroundPostRestart(Exception cause)
    {
        _constructed = true;
        _building = null;
        base.AroundPostRestart(cause);
    }

    /// <summary>Handles commands of type <typeparamref name="T"/> (optionally only those matching <paramref name="shouldHandle"/>).</summary>
    protected void Command<T>(Action<T> handler, Predicate<T>? shouldHandle = null) => Building().AddAction(handler, shouldHandle);

    /// <summary>Handles <typeparamref name="T"/>; returning false means "try the next handler".</summary>
    protected void Command<T>(Func<T, bool> handler) => Building().AddFunc(handler);

    /// <summary>Handles any command not matched earlier.</summary>
    protected void CommandAny(Action<object> handler) => Building().AddAction(handler, null);

    /// <summary>Handles <typeparamref name="T"/> asynchronously; the mailbox is held until the task completes.</summary>
    protected void CommandAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) => Building().AddAsync(handler, shouldHandle);

    /// <summary>Handles recovered messages of type <typeparamref name="T"/>.</summary>
    protected void Recover<T>(Action<T> handler, Predicate<T>? shouldHandle = null) => RecoverList().AddAction(handler, shouldHandle);

    /// <summary>Handles recovered <typeparamref name="T"/>; returning false means "try the next handler".</summary>
    protected void Recover<T>(Func<T, bool> handler) => RecoverList().AddFunc(handler);

    /// <summary>Handles any recovered message not matched earlier.</summary>
    protected void RecoverAny(Action<object> handler) => RecoverList().AddAction(handler, null);

    /// <summary>Replaces the command handlers with those registered by <paramref name="configure"/>.</summary>
    protected void Become(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _building;
        var list = _building = new HandlerList();
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }

        _commands = list;
    }

    protected sealed override bool ReceiveRecover(object message) => _recover.TryHandle(message, Cell);

    protected sealed override bool ReceiveCommand(object message) => _commands.TryHandle(message, Cell);

    private HandlerList Building() => _building ?? throw new InvalidOperationException(
        "You may only call Command-methods when constructing the actor and inside Become().");

    private HandlerList RecoverList() => _constructed
        ? throw new InvalidOperationException("You may only call Recover-methods when constructing the actor.")
        : _recover;
}
