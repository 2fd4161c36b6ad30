namespace Actors.Kernel.Actor;

/// <summary><c>Tell(message)</c> with the implicit sender: the current actor's Self inside an actor, otherwise no sender.</summary>
public static class ActorRefImplicitSenderExtensions
{
    public static void Tell(this ICanTell receiver, object message) =>
        receiver.Tell(message, ImplicitSender(receiver));

    /// <summary>Forwards a message keeping the current message's original sender.</summary>
    public static void Forward(this ICanTell receiver, object message)
    {
        var cell = ActorCell.Current;
        receiver.Tell(message, cell is null ? ImplicitSender(receiver) : cell.Sender);
    }

    internal static IActorRef? ImplicitSender(ICanTell receiver)
    {
        if (ActorCell.Current is { } cell)
        {
            return cell.Self;
        }

        return receiver switch
        {
            InternalActorRef r => r.System?.ImplicitSenderOutsideActors,
            ActorSelection s => (s.Anchor as InternalActorRef)?.System?.ImplicitSenderOutsideActors,
            _ => null,
        };
    }
}
