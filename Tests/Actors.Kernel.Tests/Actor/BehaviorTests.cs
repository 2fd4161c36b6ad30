using Actors.Kernel.Actor;

namespace Actors.Kernel.Tests.Actor;

public sealed class BehaviorTests : TestKit.TestKit
{
    [Fact]
    public void ReceivePredicate_NotMatching_FallsThroughToNextHandler()
    {
        var a = Sys.ActorOf(Props.Create(() => new Classifier()));
        a.Tell(5);
        a.Tell(-5);
        ExpectMsg("positive");
        ExpectMsg("other");
    }

    [Fact]
    public void Become_ReplacesBehavior_UnbecomeRestores()
    {
        var a = Sys.ActorOf(Props.Create(() => new Switcher()));
        a.Tell("ping");
        ExpectMsg("A:ping");
        a.Tell("become");
        a.Tell("ping");
        ExpectMsg("B:ping");
        a.Tell("unbecome");
        a.Tell("ping");
        ExpectMsg("A:ping");
    }

    [Fact]
    public void UntypedActor_BecomeUntyped_SwitchesBehaviour()
    {
        var a = Sys.ActorOf(Props.Create(() => new UntypedSwitcher()));
        a.Tell("x");
        ExpectMsg("first:x");
        a.Tell("y");
        ExpectMsg("second:y");
    }

    [Fact]
    public void ReceiveAsync_HoldsMailboxUntilTaskCompletes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = Sys.ActorOf(Props.Create(() => new AsyncActor(gate.Task)));
        a.Tell("slow");
        a.Tell("fast");
        ExpectMsg("slow:started");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        gate.SetResult();
        ExpectMsg("slow:done");
        ExpectMsg("fast:started");
    }

    [Fact]
    public void ReceiveAsync_SenderAfterAwait_IsOriginalSender()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = Sys.ActorOf(Props.Create(() => new AsyncActor(gate.Task)));
        var probe = CreateTestProbe();
        probe.Send(a, "slow");
        probe.ExpectMsg("slow:started");
        gate.SetResult();
        probe.ExpectMsg("slow:done");
    }

    [Fact]
    public void ReceiveAsync_TaskFaults_ActorIsRestarted()
    {
        var a = Sys.ActorOf(Props.Create(() => new AsyncActor(Task.FromException(new InvalidOperationException("async boom")))));
        EventFilter.Exception<InvalidOperationException>(contains: "async boom").ExpectOne(() => a.Tell("slow"));
    }

    [Fact]
    public void Receive_OutsideConstructor_Throws()
    {
        var a = Sys.ActorOf(Props.Create(() => new LateRegistrar()));
        a.Tell("register");
        Assert.Equal("InvalidOperationException", ExpectMsg<string>());
    }

    private sealed class Classifier : ReceiveActor
    {
        public Classifier()
        {
            Receive<int>(i => i > 0, _ => Sender.Tell("positive"));
            ReceiveAny(_ => Sender.Tell("other"));
        }
    }

    private sealed class Switcher : ReceiveActor
    {
        public Switcher()
        {
            Receive<string>(s => s == "become", _ => BecomeStacked(B));
            Receive<string>(s => Sender.Tell("A:" + s));
        }

        private void B()
        {
            Receive<string>(s => s == "unbecome", _ => UnbecomeStacked());
            Receive<string>(s => Sender.Tell("B:" + s));
        }
    }

    private sealed class UntypedSwitcher : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            Sender.Tell("first:" + message);
            Become(m => Sender.Tell("second:" + m));
        }
    }

    private sealed class AsyncActor : ReceiveActor
    {
        public AsyncActor(Task gate)
        {
            ReceiveAsync<string>(s => s == "slow", async s =>
            {
                Sender.Tell(s + ":started");
                await gate;
                Sender.Tell(s + ":done");
            });
            Receive<string>(s => Sender.Tell(s + ":started"));
        }
    }

    private sealed class LateRegistrar : ReceiveActor
    {
        public LateRegistrar() => Receive<string>(_ =>
        {
            try
            {
                Receive<int>(_ => { });
                Sender.Tell("no error");
            }
            catch (InvalidOperationException)
            {
                Sender.Tell("InvalidOperationException");
            }
        });
    }
}
