using Actors.Kernel.Actor;

namespace Actors.TestKit;

/// <summary>A separate test actor with its own queue, sharing the test's system.</summary>
public sealed class TestProbe : TestKitBase
{
    internal TestProbe(ActorSystem system, TestKitSettings settings, string name)
        : base(settings)
    {
        InitializeTest(system, name);
    }

    /// <summary>The probe's reference.</summary>
    public IActorRef Ref => TestActor;

    /// <summary>Sender of the last received message.</summary>
    public IActorRef? Sender => LastSender;

    /// <summary>Sends with the probe as sender.</summary>
    public void Send(IActorRef target, object message) => target.Tell(message, Ref);

    /// <summary>Forwards a message keeping the last sender.</summary>
    public void Forward(IActorRef target, object message) => target.Tell(message, LastSender);

    /// <summary>Replies to the last sender, with the probe as sender.</summary>
    public void Reply(object message) =>
        (LastSender ?? throw new InvalidOperationException("No message received yet")).Tell(message, Ref);

    public override string ToString() => "TestProbe(" + Ref.Path + ")";
}
