using System.Collections.Immutable;
using Actors.Kernel.Actor;

namespace Actors.Kernel.Event;

/// <summary>
/// Publish/subscribe by type: an event goes to every subscriber whose channel type is
/// assignable from the event's type. Subscriptions are copy-on-write, so Publish takes no lock.
/// Terminated actor subscribers are dropped on the next publish that reaches them.
/// </summary>
public sealed class EventStream
{
    private readonly object _gate = new();
    private ImmutableArray<Subscription> _subs = [];

    /// <summary>Subscribes an actor to events of <paramref name="channel"/> (and subtypes); false if already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        lock (_gate)
        {
            if (_subs.Any(s => s.Actor?.Equals(subscriber) == true && s.Channel == channel))
            {
                return false;
            }

            _subs = _subs.Add(new Subscription(channel, subscriber, null));
            return true;
        }
    }

    public bool Unsubscribe(IActorRef subscriber, Type channel) =>
        RemoveWhere(s => s.Actor?.Equals(subscriber) == true && s.Channel == channel);

    public bool Unsubscribe(IActorRef subscriber) => RemoveWhere(s => s.Actor?.Equals(subscriber) == true);

    /// <summary>Delivers <paramref name="event"/> to matching subscribers (no sender).</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var subs = _subs;
        foreach (var s in subs)
        {
            if (!s.Channel.IsInstanceOfType(@event))
            {
                continue;
            }

            if (s.Callback is { } cb)
            {
                cb(@event);
            }
            else if (s.Actor is InternalActorRef { IsTerminated: true } dead)
            {
                Unsubscribe(dead);
            }
            else
            {
                s.Actor!.Tell(@event, null);
            }
        }
    }

    /// <summary>In-process callback subscription (kernel and TestKit use); dispose to unsubscribe.</summary>
    internal IDisposable Subscribe(Type channel, Action<object> callback)
    {
        var sub = new Subscription(channel, null, callback);
        lock (_gate)
        {
            _subs = _subs.Add(sub);
        }

        return new Unsubscriber(this, sub);
    }

    private bool RemoveWhere(Func<Subscription, bool> match)
    {
        lock (_gate)
        {
            var next = _subs.RemoveAll(s => match(s));
            var removed = next.Length != _subs.Length;
            _subs = next;
            return removed;
        }
    }

    private sealed record Subscription(Type Channel, IActorRef? Actor, Action<object>? Callback);

    private sealed class Unsubscriber(EventStream stream, Subscription sub) : IDisposable
    {
        public void Dispose() => stream.RemoveWhere(s => ReferenceEquals(s, sub));
    }
}
