using Actors.Kernel.Actor;

namespace Actors.Kernel.Event;

/// <summary>Base of everything published about undelivered or unhandled messages.</summary>
public abstract record AllDeadLetters(object Message, IActorRef Sender, IActorRef Recipient);
