using Actors.Kernel.Actor;
using Actors.TestKit.TestActors;

namespace Actors.Kernel.Tests.Actor;

public sealed class MessagingTests : TestKit.TestKit
{
    [Fact]
    public void Forward_KeepsOriginalSender()
    {
        var echo = Sys.ActorOf(EchoActor.Props());
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(echo)));
        forwarder.Tell("x");
        ExpectMsg("x");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void Sender_NoSender_IsDeadLetters()
    {
        var a = Sys.ActorOf(Props.Create(() => new SenderReporter(TestActor)));
        a.Tell("x", ActorRefs.NoSender);
        Assert.Equal(Sys.DeadLetters, ExpectMsg<IActorRef>());
    }

    [Fact]
    public async Task Ask_Reply_CompletesTask()
    {
        var echo = Sys.ActorOf(EchoActor.Props());
        Assert.Equal("hi", await echo.Ask<string>("hi", TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Ask_NoReply_FailsWithAskTimeoutException()
    {
        var hole = Sys.ActorOf(BlackHoleActor.Props());
        await Assert.ThrowsAsync<AskTimeoutException>(() => hole.Ask<string>("hi", TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Ask_StatusFailure_FaultsWithCause()
    {
        var a = Sys.ActorOf(Props.Create(() => new FailureReplier()));
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => a.Ask<string>("x", TimeSpan.FromSeconds(10)));
        Assert.Equal("nope", ex.Message);
    }

    [Fact]
    public async Task Ask_WrongReplyType_FaultsWithArgumentException()
    {
        var echo = Sys.ActorOf(EchoActor.Props());
        await Assert.ThrowsAsync<ArgumentException>(() => echo.Ask<string>(42, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Ask_StoppedActor_FailsFast()
    {
        var a = Sys.ActorOf(BlackHoleActor.Props());
        Watch(a);
        a.Tell(PoisonPill.Instance);
        ExpectTerminated(a);
        var task = a.Ask<string>("x");
        Assert.True(task.IsCompleted);
        await Assert.ThrowsAsync<AskTimeoutException>(() => task);
    }

    [Fact]
    public void PipeTo_CompletedTask_DeliversResult()
    {
        Task.FromResult("piped").PipeTo(TestActor);
        ExpectMsg("piped");
    }

    [Fact]
    public void PipeTo_FaultedTask_DeliversStatusFailure()
    {
        Task.FromException<string>(new InvalidOperationException("bad")).PipeTo(TestActor);
        var f = ExpectMsg<Status.Failure>();
        Assert.IsType<InvalidOperationException>(f.Cause);
    }

    [Fact]
    public void Tell_Null_Throws()
    {
        var a = Sys.ActorOf(BlackHoleActor.Props());
        Assert.Throws<ArgumentNullException>(() => a.Tell(null!, null));
    }

    [Fact]
    public void Tell_ToStoppedActor_PublishesDeadLetter()
    {
        var a = Sys.ActorOf(BlackHoleActor.Props());
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a);
        EventFilter.DeadLetter<string>().ExpectOne(() => a.Tell("lost"));
    }

    [Fact]
    public void Unhandled_Message_IsPublishedAsUnhandled()
    {
        var a = Sys.ActorOf(Props.Create(() => new OnlyInts()));
        EventFilter.Unhandled<string>().ExpectOne(() => a.Tell("not an int"));
    }

    [Fact]
    public void Identify_AnyActor_RepliesActorIdentity()
    {
        var a = Sys.ActorOf(BlackHoleActor.Props());
        a.Tell(new Identify("id"));
        var id = ExpectMsg<ActorIdentity>();
        Assert.Equal("id", id.MessageId);
        Assert.Equal(a, id.Subject);
    }

    [Fact]
    public void Handler_Exception_DoesNotCrashAndActorContinues()
    {
        var a = Sys.ActorOf(Reporter.Props(TestActor));
        a.Tell("throw");
        a.Tell("still alive");
        ExpectMsg("reporter:still alive");
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }

    private sealed class SenderReporter : ReceiveActor
    {
        public SenderReporter(IActorRef probe) => ReceiveAny(_ => probe.Tell(Sender));
    }

    private sealed class FailureReplier : ReceiveActor
    {
        public FailureReplier() => ReceiveAny(_ => Sender.Tell(new Status.Failure(new InvalidOperationException("nope"))));
    }

    private sealed class OnlyInts : ReceiveActor
    {
        public OnlyInts() => Receive<int>(_ => { });
    }
}
