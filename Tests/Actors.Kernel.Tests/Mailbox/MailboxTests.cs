using Actors.Kernel.Actor;
using Actors.Kernel.Event;

namespace Actors.Kernel.Tests.Mailbox;

public sealed class MailboxTests : TestKit.TestKit
{
    [Fact]
    public void SingleSender_ManyMessages_ArriveInOrder()
    {
        var a = Sys.ActorOf(Props.Create(() => new Relay(TestActor)));
        for (var i = 0; i < 1000; i++)
        {
            a.Tell(i);
        }

        for (var i = 0; i < 1000; i++)
        {
            ExpectMsg(i);
        }
    }

    [Fact]
    public void Throughput_One_StillDeliversEverythingInOrder()
    {
        var a = Sys.ActorOf(Props.Create(() => new Relay(TestActor)).WithThroughput(1));
        for (var i = 0; i < 100; i++)
        {
            a.Tell(i);
        }

        for (var i = 0; i < 100; i++)
        {
            ExpectMsg(i);
        }
    }

    [Fact]
    public void SystemMessages_OvertakeQueuedUserMessages()
    {
        var gate = new ManualResetEventSlim(false);
        var a = Sys.ActorOf(Props.Create(() => new Blocking(gate, TestActor)));
        Watch(a);
        a.Tell("block");
        ExpectMsg("blocked");
        a.Tell("queued");
        Sys.Stop(a);
        gate.Set();
        ExpectTerminated(a);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void BoundedMailbox_Full_OverflowGoesToDeadLetters()
    {
        var gate = new ManualResetEventSlim(false);
        var a = Sys.ActorOf(Props.Create(() => new Blocking(gate, TestActor)).WithBoundedMailbox(2));
        a.Tell("block");
        ExpectMsg("blocked");
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);
        a.Tell("q1");
        a.Tell("q2");
        a.Tell("overflow");
        Assert.Equal("overflow", ExpectMsg<DeadLetter>().Message);
        gate.Set();
        ExpectMsg("q1");
        ExpectMsg("q2");
    }

    private sealed class Relay : ReceiveActor
    {
        public Relay(IActorRef probe) => ReceiveAny(m => probe.Tell(m));
    }

    private sealed class Blocking : ReceiveActor
    {
        public Blocking(ManualResetEventSlim gate, IActorRef probe)
        {
            Receive<string>(s => s == "block", _ =>
            {
                probe.Tell("blocked");
                gate.Wait(TimeSpan.FromSeconds(10));
            });
            ReceiveAny(m => probe.Tell(m));
        }
    }
}
