namespace Actors.Kernel.Actor;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in the constructor (or inside
/// <see cref="Become(Action)"/>). Handlers are tried in registration order; the first match wins;
/// no match goes to <see cref="ActorBase.Unhandled"/>.
/// </summary>
public abstract class ReceiveActor : UntypedActor
{
    private HandlerSet? _building;
    private readonly HandlerSet _current;

    protected ReceiveActor()
    {
        _current = _building = new HandlerSet();
    }

    public override void AroundPreStart()
    {
        _building = null;
        base.AroundPreStart();
    }

    public override void AroundPostRestart(Exception cause)
    {
        _building = null;
        base.AroundPostRestart(cause);
    }

    protected sealed override void OnReceive(object message)
    {
        if (!_current.TryHandle(message, Cell))
        {
            Unhandled(message);
        }
    }

    /// <summary>Handles messages of type <typeparamref name="T"/> (optionally only those matching <paramref name="shouldHandle"/>).</summary>
    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null) =>
        Add(new SyncHandler<T>(handler, shouldHandle));

    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) =>
        Add(new SyncHandler<T>(handler, shouldHandle));

    /// <summary>Handles <typeparamref name="T"/>; returning false means "not handled, try the next handler".</summary>
    protected void Receive<T>(Func<T, bool> handler) => Add(new FuncHandler<T>(handler));

    /// <summary>Handles <typeparamref name="T"/> asynchronously; the mailbox is held until the task completes.</summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) =>
        Add(new AsyncHandler<T>(handler, shouldHandle));

    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler) =>
        Add(new AsyncHandler<T>(handler, shouldHandle));

    /// <summary>Handles any message not matched by an earlier handler.</summary>
    protected void ReceiveAny(Action<object> handler) => Add(new SyncHandler<object>(handler, null));

    protected void ReceiveAnyAsync(Func<object, Task> handler) => Add(new AsyncHandler<object>(handler, null));

    /// <summary>Replaces the handlers with those registered by <paramref name="configure"/>.</summary>
    protected void Become(Action configure) => Become(Build(configure));

    protected void BecomeStacked(Action configure) => BecomeStacked(Build(configure));

    private Receive Build(Action configure)
    {
        var previous = _building;
        var set = _building = new HandlerSet();
        try
        {
            configure();
        }
        finally
        {
            _building = previous;
        }

        return message => set.TryHandle(message, Cell);
    }

    private void Add(IHandler handler)
    {
        if (_building is null)
        {
            throw new InvalidOperationException(
                "You may only call Receive-methods when constructing the actor and inside Become().");
        }

        _building.Add(handler);
    }

    private interface IHandler
    {
        bool TryHandle(object message, ActorCell cell);
    }

    private sealed class HandlerSet
    {
        private readonly List<IHandler> _handlers = [];

        public void Add(IHandler h) => _handlers.Add(h);

        public bool TryHandle(object message, ActorCell cell)
        {
            foreach (var h in _handlers)
            {
                if (h.TryHandle(message, cell))
                {
                    return true;
                }
            }

            return false;
        }
    }

    private sealed class SyncHandler<T>(Action<T> handler, Predicate<T>? predicate) : IHandler
    {
        public bool TryHandle(object message, ActorCell cell)
        {
            if (message is not T t || (predicate is not null && !predicate(t)))
            {
                return false;
            }

            handler(t);
            return true;
        }
    }

    private sealed class FuncHandler<T>(Func<T, bool> handler) : IHandler
    {
        public bool TryHandle(object message, ActorCell cell) => message is T t && handler(t);
    }

    private sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? predicate) : IHandler
    {
        public bool TryHandle(object message, ActorCell cell)
        {
            if (message is not T t || (predicate is not null && !predicate(t)))
            {
                return false;
            }

            cell.RunTask(() => handler(t));
            return true;
        }
    }
}
