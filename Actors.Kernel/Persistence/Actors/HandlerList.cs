using Actors.Kernel.Actor;

namespace Actors.Kernel.Persistence.Actors;

/// <summary>Typed handlers tried in registration order; the first match wins.</summary>
internal sealed class HandlerList
{
    private readonly List<Func<object, ActorCell, bool>> _handlers = [];

    public void AddAction<T>(Action<T> handler, Predicate<T>? predicate) =>
        _handlers.Add((m, _) =>
        {
            if (m is not T t || (predicate is not null && !predicate(t)))
            {
                return false;
            }

            handler(t);
            return true;
        });

    public void AddFunc<T>(Func<T, bool> handler) => _handlers.Add((m, _) => m is T t && handler(t));

    public void AddAsync<T>(Func<T, Task> handler, Predicate<T>? predicate) =>
        _handlers.Add((m, cell) =>
        {
            if (m is not T t || (predicate is not null && !predicate(t)))
            {
                return false;
            }

            cell.RunTask(() => handler(t));
            return true;
        });

    public bool TryHandle(object message, ActorCell cell)
    {
        foreach (var h in _handlers)
        {
            if (h(message, cell))
            {
                return true;
            }
        }

        return false;
    }
}
