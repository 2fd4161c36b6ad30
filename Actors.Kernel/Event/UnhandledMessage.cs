using Actors.Kernel.Actor;

namespace Actors.Kernel.Event;

/// <summary>A message that no behaviour of the recipient handled.</summary>
public sealed record UnhandledMessage(object Message, IActorRef Sender, IActorRef Recipient)
    : AllDeadLetters(Message, Sender, Recipient);
