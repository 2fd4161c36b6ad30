using Actors.Kernel.Actor;

namespace Actors.TestKit.TestActors;

/// <summary>Accepts and ignores every message.</summary>
public sealed class BlackHoleActor : ReceiveActor
{
    public BlackHoleActor() => ReceiveAny(static _ => { });

    public static Props Props() => Kernel.Actor.Props.Create(() => new BlackHoleActor());
}
