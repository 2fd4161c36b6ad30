using Actors.Kernel.Dispatch;

namespace Actors.Kernel.Actor;

/// <summary>Kernel-side reference: can also receive system messages.</summary>
internal abstract class InternalActorRef : IActorRef
{
    public abstract ActorPath Path { get; }

    /// <summary>The owning system, or null for <see cref="ActorRefs.Nobody"/>.</summary>
    public abstract ActorSystem? System { get; }

    /// <summary>True once the actor has terminated (best effort, racy by nature).</summary>
    public abstract bool IsTerminated { get; }

    public abstract void Tell(object message, IActorRef? sender);

    public abstract void SendSystemMessage(SystemMessage message);

    public bool Equals(IActorRef? other) => ReferenceEquals(this, other)
        || (other is not null && Path.Uid == other.Path.Uid && Path.Equals(other.Path));

    public override bool Equals(object? obj) => obj is IActorRef r && Equals(r);

    public override int GetHashCode() => HashCode.Combine(Path.GetHashCode(), Path.Uid);

    public int CompareTo(IActorRef? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(Path.ToString(), other.Path.ToString());
        return c != 0 ? c : Path.Uid.CompareTo(other.Path.Uid);
    }

    public override string ToString() => "[" + Path.ToStringWithUid() + "]";
}
