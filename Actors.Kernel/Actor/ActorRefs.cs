namespace Actors.Kernel.Actor;

/// <summary>Well-known references, as in Akka.NET.</summary>
public static class ActorRefs
{
    /// <summary>A reference that points at no actor; messages sent to it are dropped.</summary>
    public static readonly IActorRef Nobody = new NobodyActorRef();

    /// <summary>Use as the sender of a message that has no sender (it is <c>null</c>).</summary>
    public static readonly IActorRef? NoSender;
}
