namespace Actors.Kernel.Actor;

/// <summary>Messages the kernel handles before user code sees them (Terminated, PoisonPill, Kill, Identify).</summary>
public interface IAutoReceivedMessage;

/// <summary>Messages that do not reset the receive timeout.</summary>
public interface INotInfluenceReceiveTimeout;

/// <summary>Messages whose dead letters are published as suppressed (not logged).</summary>
public interface IDeadLetterSuppression;

/// <summary>Marker for messages that may harm an actor when sent by the wrong party.</summary>
public interface IPossiblyHarmful;

/// <summary>Stops the receiving actor when processed, in order with other messages from the same sender.</summary>
public sealed class PoisonPill : IAutoReceivedMessage, IPossiblyHarmful, IDeadLetterSuppression
{
    private PoisonPill()
    {
    }

    public static PoisonPill Instance { get; } = new();

    public override string ToString() => "<PoisonPill>";
}

/// <summary>Makes the receiving actor throw <see cref="ActorKilledException"/> (default decision: Stop).</summary>
public sealed class Kill : IAutoReceivedMessage, IPossiblyHarmful
{
    private Kill()
    {
    }

    public static Kill Instance { get; } = new();

    public override string ToString() => "<Kill>";
}

/// <summary>Every actor answers with <see cref="ActorIdentity"/>.</summary>
public sealed record Identify(object? MessageId) : IAutoReceivedMessage, INotInfluenceReceiveTimeout;

/// <summary>Reply to <see cref="Identify"/>; <see cref="Subject"/> is null when no actor answered.</summary>
public sealed record ActorIdentity(object? MessageId, IActorRef? Subject);

/// <summary>Delivered once to each watcher when a watched actor has terminated.</summary>
public sealed record Terminated(IActorRef ActorRef, bool ExistenceConfirmed, bool AddressTerminated)
    : IAutoReceivedMessage, IPossiblyHarmful, IDeadLetterSuppression;

/// <summary>Sent to an actor that received no message for its receive timeout.</summary>
public sealed class ReceiveTimeout : IPossiblyHarmful
{
    private ReceiveTimeout()
    {
    }

    public static ReceiveTimeout Instance { get; } = new();

    public override string ToString() => "<ReceiveTimeout>";
}
