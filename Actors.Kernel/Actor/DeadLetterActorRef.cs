using Actors.Kernel.Dispatch;
using Actors.Kernel.Event;

namespace Actors.Kernel.Actor;

/// <summary>The system's <c>/deadLetters</c>: publishes what it receives as dead letters on the event stream.</summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : InternalActorRef
{
    public override ActorPath Path { get; } = path;

    public override ActorSystem System { get; } = system;

    public override bool IsTerminated => false;

    public override void Tell(object message, IActorRef? sender)
    {
        if (message is null)
        {
            throw new InvalidMessageException("Message is null");
        }

        AllDeadLetters letter = message switch
        {
            DeadLetter d when d.Message is IDeadLetterSuppression => new SuppressedDeadLetter(d.Message, d.Sender, d.Recipient),
            AllDeadLetters d => d,
            IDeadLetterSuppression => new SuppressedDeadLetter(message, sender ?? this, this),
            _ => new DeadLetter(message, sender ?? this, this),
        };
        System.EventStream.Publish(letter);
    }

    public override void SendSystemMessage(SystemMessage message) => ActorSystem.DeadLetterSystemMessage(this, message);
}
