using Actors.Kernel.Actor;

namespace Actors.Kernel.Event;

/// <summary>Generic helpers for <see cref="EventStream"/>.</summary>
public static class EventStreamExtensions
{
    public static bool Subscribe<T>(this EventStream stream, IActorRef subscriber) => stream.Subscribe(subscriber, typeof(T));

    public static bool Unsubscribe<T>(this EventStream stream, IActorRef subscriber) => stream.Unsubscribe(subscriber, typeof(T));
}
