using Actors.Kernel.Actor;

namespace Actors.Kernel.Event;

/// <summary>A dead letter whose message implements <see cref="IDeadLetterSuppression"/>; published but not logged.</summary>
public sealed record SuppressedDeadLetter(object Message, IActorRef Sender, IActorRef Recipient)
    : AllDeadLetters(Message, Sender, Recipient);
