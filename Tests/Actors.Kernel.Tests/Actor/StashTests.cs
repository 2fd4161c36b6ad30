using Actors.Kernel.Actor;

namespace Actors.Kernel.Tests.Actor;

public sealed class StashTests : TestKit.TestKit
{
    [Fact]
    public void UnstashAll_StashedMessages_ProcessedInOriginalOrderBeforeNewOnes()
    {
        var a = Sys.ActorOf(Props.Create(() => new Gate()));
        a.Tell("m1");
        a.Tell("m2");
        a.Tell("open");
        a.Tell("m3");
        ExpectMsg("m1");
        ExpectMsg("m2");
        ExpectMsg("m3");
    }

    [Fact]
    public void Stash_SameMessageTwice_Throws()
    {
        var a = Sys.ActorOf(Props.Create(() => new DoubleStasher()));
        a.Tell("x");
        ExpectMsg("IllegalActorStateException");
    }

    [Fact]
    public void Restart_StashedMessages_AreUnstashed()
    {
        var a = Sys.ActorOf(Props.Create(() => new Gate()));
        a.Tell("m1");
        a.Tell("crash");
        a.Tell("open");
        ExpectMsg("m1");
    }

    private sealed class Gate : ReceiveActor, IWithUnboundedStash
    {
        public Gate()
        {
            Receive<string>(s => s == "open", _ =>
            {
                Become(() => Receive<string>(s => Sender.Tell(s)));
                Stash.UnstashAll();
            });
            Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crash"));
            Receive<string>(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;
    }

    private sealed class DoubleStasher : ReceiveActor, IWithUnboundedStash
    {
        public DoubleStasher() => Receive<string>(_ =>
        {
            Stash.Stash();
            try
            {
                Stash.Stash();
            }
            catch (IllegalActorStateException)
            {
                Sender.Tell("IllegalActorStateException");
            }
        });

        public IStash Stash { get; set; } = null!;
    }
}
