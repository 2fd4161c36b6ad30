using Actors.Kernel.Dispatch;

namespace Actors.Kernel.Actor;

/// <summary>DeathWatch: Watch/Unwatch bookkeeping on both sides and Terminated delivery.</summary>
internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef subject) => WatchWith(subject, null);

    public IActorRef WatchWith(IActorRef subject, object? message)
    {
        if (subject.Equals(Self))
        {
            return subject;
        }

        var watching = Extras.Watching ??= [];
        if (watching.TryAdd(subject, message))
        {
            ((InternalActorRef)subject).SendSystemMessage(new Watch(subject, Self));
        }
        else
        {
            watching[subject] = message;
        }

        return subject;
    }

    IActorRef IActorContext.WatchWith(IActorRef subject, object message) => WatchWith(subject, message);

    public IActorRef Unwatch(IActorRef subject)
    {
        if (_extras?.Watching is { } watching && watching.Remove(subject))
        {
            ((InternalActorRef)subject).SendSystemMessage(new Unwatch(subject, Self));
        }

        return subject;
    }

    private void AddWatcher(IActorRef watchee, IActorRef watcher)
    {
        if (watchee.Equals(Self) && !watcher.Equals(Self))
        {
            (Extras.WatchedBy ??= []).Add(watcher);
        }
    }

    private void RemoveWatcher(IActorRef watchee, IActorRef watcher)
    {
        if (watchee.Equals(Self))
        {
            _extras?.WatchedBy?.Remove(watcher);
        }
    }

    private void HandleDeathWatchNotification(IActorRef actor, bool existenceConfirmed)
    {
        if (_extras?.Watching?.ContainsKey(actor) == true && !IsTerminating)
        {
            Mailbox.Post(new Terminated(actor, existenceConfirmed, false), actor);
        }

        if (actor is LocalActorRef child && RemoveChild(child))
        {
            ChildTerminated();
        }
    }

    /// <summary>A queued Terminated is only delivered if the subject is still watched (Unwatch filters it).</summary>
    private void ReceivedTerminated(Terminated t)
    {
        if (_extras?.Watching is not { } watching || !watching.Remove(t.ActorRef, out var custom))
        {
            return;
        }

        if (custom is not null)
        {
            _currentMessage = custom;
            ReceiveMessage(custom);
        }
        else
        {
            ReceiveMessage(t);
        }
    }

    private void UnwatchAll()
    {
        if (_extras?.Watching is not { } watching)
        {
            return;
        }

        foreach (var subject in watching.Keys)
        {
            ((InternalActorRef)subject).SendSystemMessage(new Unwatch(subject, Self));
        }

        watching.Clear();
    }

    private void NotifyWatchers()
    {
        if (_extras?.WatchedBy is not { } watchers)
        {
            return;
        }

        foreach (var w in watchers)
        {
            if (!w.Equals(_parent))
            {
                ((InternalActorRef)w).SendSystemMessage(new DeathWatchNotification(Self, true));
            }
        }

        watchers.Clear();
    }
}
