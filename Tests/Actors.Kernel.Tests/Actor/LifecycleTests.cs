using Actors.Kernel.Actor;
using Actors.TestKit.TestActors;

namespace Actors.Kernel.Tests.Actor;

public sealed class LifecycleTests : TestKit.TestKit
{
    [Fact]
    public void Restart_DefaultHooks_RunInAkkaOrder()
    {
        var a = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)));
        ExpectMsg("PreStart");
        a.Tell("throw");
        ExpectMsg("PreRestart:throw");
        ExpectMsg("PostStop");
        ExpectMsg("PostRestart:boom");
        ExpectMsg("PreStart");
    }

    [Fact]
    public void Restart_FailingMessage_IsNotRedelivered()
    {
        var a = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)));
        ExpectMsg("PreStart");
        a.Tell("throw");
        a.Tell("after");
        FishForMessage<string>(s => s == "PreStart");
        ExpectMsg("after");
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Restart_State_IsFresh()
    {
        var a = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)));
        ExpectMsg("PreStart");
        a.Tell("count");
        a.Tell("count");
        ExpectMsg(1);
        ExpectMsg(2);
        a.Tell("throw");
        a.Tell("count");
        Assert.Equal(1, FishForMessage<int>(_ => true));
    }

    [Fact]
    public void Restart_RefPathAndUid_ArePreserved()
    {
        var a = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)), "keep");
        ExpectMsg("PreStart");
        var uid = a.Path.Uid;
        a.Tell("throw");
        FishForMessage<string>(s => s == "PreStart");
        a.Tell(new Identify(1));
        var id = ExpectMsg<ActorIdentity>();
        Assert.Same(a, id.Subject);
        Assert.Equal(uid, id.Subject!.Path.Uid);
    }

    [Fact]
    public void Restart_DefaultPreRestart_StopsChildren()
    {
        var parent = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)), "p");
        ExpectMsg("PreStart");
        parent.Tell(new CreateChild(Props.Create(() => new LifecycleActor(TestActor)), "c"));
        var child = FishForMessage<IActorRef>(_ => true);
        ExpectMsg("PreStart");
        Watch(child);
        parent.Tell("throw");
        FishForMessage<Terminated>(t => t.ActorRef.Equals(child));
    }

    [Fact]
    public void Stop_Children_StopBeforeParentPostStop()
    {
        var probe = CreateTestProbe();
        var parent = Sys.ActorOf(Props.Create(() => new NamedLifecycle(probe.Ref, "parent")));
        parent.Tell(new CreateChild(Props.Create(() => new NamedLifecycle(probe.Ref, "child")), "c"));
        probe.ExpectMsg("parent:PreStart");
        probe.ExpectMsg("child:PreStart");
        Sys.Stop(parent);
        probe.ExpectMsg("child:PostStop");
        probe.ExpectMsg("parent:PostStop");
    }

    [Fact]
    public void Constructor_Throws_ActorIsStoppedNotRestarted()
    {
        var counter = new int[1];
        var a = Sys.ActorOf(Props.Create(() => new ThrowingCtor(counter)));
        Watch(a);
        ExpectTerminated(a);
        Assert.Equal(1, Volatile.Read(ref counter[0]));
    }

    [Fact]
    public void PoisonPill_StopsAfterEarlierMessages_LaterOnesAreDeadLetters()
    {
        var a = Sys.ActorOf(Reporter.Props(TestActor));
        Watch(a);
        EventFilter.DeadLetter<string>(s => s == "late").ExpectOne(() =>
        {
            a.Tell("first");
            a.Tell(PoisonPill.Instance);
            a.Tell("late");
            ExpectMsg("reporter:first");
            ExpectTerminated(a);
        });
    }

    [Fact]
    public void Kill_DefaultDecider_StopsActor()
    {
        var a = Sys.ActorOf(BlackHoleActor.Props());
        Watch(a);
        EventFilter.Exception<ActorKilledException>().ExpectOne(() => a.Tell(Kill.Instance));
        ExpectTerminated(a);
    }

    [Fact]
    public void ContextStop_Self_StopsAfterCurrentMessage()
    {
        var a = Sys.ActorOf(Props.Create(() => new StopSelf(TestActor)));
        Watch(a);
        a.Tell("stop");
        ExpectMsg("handled");
        ExpectTerminated(a);
    }

    [Fact]
    public async Task GracefulStop_RunningActor_ReturnsTrueAfterTermination()
    {
        var a = Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor)));
        ExpectMsg("PreStart");
        Assert.True(await a.GracefulStop(TimeSpan.FromSeconds(10)));
        ExpectMsg("PostStop");
    }

    private sealed class NamedLifecycle : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly string _name;

        public NamedLifecycle(IActorRef probe, string name)
        {
            _probe = probe;
            _name = name;
            Receive<CreateChild>(c => Context.ActorOf(c.Props, c.Name));
        }

        protected override void PreStart() => _probe.Tell(_name + ":PreStart");

        protected override void PostStop() => _probe.Tell(_name + ":PostStop");
    }

    private sealed class ThrowingCtor : ReceiveActor
    {
        public ThrowingCtor(int[] counter)
        {
            Interlocked.Increment(ref counter[0]);
            throw new InvalidOperationException("ctor fails");
        }
    }

    private sealed class StopSelf : ReceiveActor
    {
        public StopSelf(IActorRef probe) => Receive<string>(_ =>
        {
            Context.Stop(Self);
            probe.Tell("handled");
        });
    }
}
