using Actors.Kernel.Actor;

namespace Actors.Kernel.Event;

/// <summary>A message that could not be delivered (dead or unknown recipient, full bounded mailbox).</summary>
public sealed record DeadLetter(object Message, IActorRef Sender, IActorRef Recipient)
    : AllDeadLetters(Message, Sender, Recipient);
