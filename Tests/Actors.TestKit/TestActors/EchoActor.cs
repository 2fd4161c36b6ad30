using Actors.Kernel.Actor;

namespace Actors.TestKit.TestActors;

/// <summary>Replies every message back to its sender.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));

    public static Props Props() => Kernel.Actor.Props.Create(() => new EchoActor());
}
