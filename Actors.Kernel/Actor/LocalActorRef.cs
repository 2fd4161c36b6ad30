using Actors.Kernel.Dispatch;
using Actors.Kernel.Event;

namespace Actors.Kernel.Actor;

/// <summary>Reference to an actor living in this process.</summary>
internal sealed class LocalActorRef(ActorCell cell) : InternalActorRef
{
    public ActorCell Cell { get; } = cell;

    public override ActorPath Path => Cell.Path;

    public override ActorSystem System => Cell.System;

    public override bool IsTerminated => Cell.IsTerminated;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!Cell.Mailbox.Post(message, sender))
        {
            var dl = Cell.System.DeadLetters;
            dl.Tell(new DeadLetter(message, sender ?? dl, this), sender);
        }
    }

    public override void SendSystemMessage(SystemMessage message) => Cell.Mailbox.PostSystem(message);
}
