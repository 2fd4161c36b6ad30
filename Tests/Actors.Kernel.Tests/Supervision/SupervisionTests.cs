using Actors.Kernel.Actor;

namespace Actors.Kernel.Tests.Supervision;

public sealed class SupervisionTests : TestKit.TestKit
{
    private IActorRef Child(IActorRef supervisor, Props props, string name)
    {
        supervisor.Tell(new CreateChild(props, name));
        return ExpectMsg<IActorRef>();
    }

    [Fact]
    public void OneForOne_Resume_KeepsState()
    {
        var sup = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(_ => Directive.Resume)));
        var probe = CreateTestProbe();
        var c = Child(sup, Props.Create(() => new LifecycleActor(probe.Ref)), "c");
        probe.ExpectMsg("PreStart");
        c.Tell("count", TestActor);
        ExpectMsg(1);
        c.Tell("throw");
        c.Tell("count", TestActor);
        ExpectMsg(2);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void OneForOne_Restart_RestartsOnlyFailingChild()
    {
        var sup = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(_ => Directive.Restart)));
        var p1 = CreateTestProbe();
        var p2 = CreateTestProbe();
        var c1 = Child(sup, Props.Create(() => new LifecycleActor(p1.Ref)), "c1");
        Child(sup, Props.Create(() => new LifecycleActor(p2.Ref)), "c2");
        p1.ExpectMsg("PreStart");
        p2.ExpectMsg("PreStart");
        c1.Tell("throw");
        p1.ExpectMsg("PreRestart:throw");
        p2.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void OneForOne_Stop_StopsChild()
    {
        var sup = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(_ => Directive.Stop)));
        var c = Child(sup, Reporter.Props(TestActor), "c");
        Watch(c);
        c.Tell("throw");
        ExpectTerminated(c);
    }

    [Fact]
    public void AllForOne_Restart_RestartsAllChildren()
    {
        var sup = Sys.ActorOf(Supervisor.Props(new AllForOneStrategy(_ => Directive.Restart)));
        var p1 = CreateTestProbe();
        var p2 = CreateTestProbe();
        var c1 = Child(sup, Props.Create(() => new LifecycleActor(p1.Ref)), "c1");
        Child(sup, Props.Create(() => new LifecycleActor(p2.Ref)), "c2");
        p1.ExpectMsg("PreStart");
        p2.ExpectMsg("PreStart");
        c1.Tell("throw");
        p1.ExpectMsg("PreRestart:throw");
        p2.FishForMessage<string>(s => s.StartsWith("PostRestart", StringComparison.Ordinal));
    }

    [Fact]
    public void AllForOne_Stop_StopsAllChildren()
    {
        var sup = Sys.ActorOf(Supervisor.Props(new AllForOneStrategy(_ => Directive.Stop)));
        var c1 = Child(sup, Reporter.Props(TestActor), "c1");
        var c2 = Child(sup, Reporter.Props(TestActor), "c2");
        Watch(c1);
        Watch(c2);
        c1.Tell("throw");
        var gone = new[] { ExpectMsg<Terminated>().ActorRef, ExpectMsg<Terminated>().ActorRef };
        Assert.Contains(c1, gone);
        Assert.Contains(c2, gone);
    }

    [Fact]
    public void MaxNrOfRetries_Exceeded_StopsChild()
    {
        var sup = Sys.ActorOf(Supervisor.Props(new OneForOneStrategy(2, null, _ => Directive.Restart)));
        var c = Child(sup, Reporter.Props(TestActor), "c");
        Watch(c);
        c.Tell("throw");
        c.Tell("throw");
        c.Tell("alive");
        ExpectMsg("reporter:alive");
        c.Tell("throw");
        ExpectTerminated(c);
    }

    [Fact]
    public async Task WithinTimeRange_WindowElapsed_CounterResets()
    {
        var time = new TestKitTime();
        await using var sys = ActorSystem.Create("window", new ActorSystemSettings { TimeProvider = time.Provider });
        var sup = sys.ActorOf(Supervisor.Props(new OneForOneStrategy(1, TimeSpan.FromSeconds(10), _ => Directive.Restart)));
        var c = await sup.Ask<IActorRef>(new CreateChild(Reporter.Props(TestActor), "c"), TimeSpan.FromSeconds(10));
        Watch(c);
        c.Tell("throw");
        c.Tell("one");
        ExpectMsg("reporter:one");
        time.Provider.Advance(TimeSpan.FromSeconds(11));
        c.Tell("throw");
        c.Tell("two");
        ExpectMsg("reporter:two");
        c.Tell("throw");
        ExpectTerminated(c);
    }

    [Fact]
    public void Escalate_ParentFails_GrandparentRestartsParent()
    {
        var probe = CreateTestProbe();
        var sup = Sys.ActorOf(Props.Create(() => new EscalatingParent(probe.Ref)), "parent");
        probe.ExpectMsg("parent:PreStart");
        sup.Tell(new CreateChild(Reporter.Props(TestActor), "c"));
        var c = ExpectMsg<IActorRef>();
        c.Tell("throw");
        probe.ExpectMsg("parent:PreStart");
    }

    [Fact]
    public void DefaultDecider_ActorInitializationException_Stops()
    {
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider.Decide(new ActorInitializationException()));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider.Decide(new ActorKilledException()));
        Assert.Equal(Directive.Stop, SupervisorStrategy.DefaultDecider.Decide(new DeathPactException()));
        Assert.Equal(Directive.Restart, SupervisorStrategy.DefaultDecider.Decide(new InvalidOperationException()));
    }

    [Fact]
    public void DeciderFrom_Pairs_FirstMatchingTypeWins()
    {
        var d = Decider.From(Directive.Escalate, Directive.Stop.When<ArgumentNullException>(), Directive.Resume.When<ArgumentException>());
        Assert.Equal(Directive.Stop, d.Decide(new ArgumentNullException()));
        Assert.Equal(Directive.Resume, d.Decide(new ArgumentException()));
        Assert.Equal(Directive.Escalate, d.Decide(new InvalidOperationException()));
    }

    [Fact]
    public void Restart_IsLoggedAsErrorWithException()
    {
        var a = Sys.ActorOf(Reporter.Props(TestActor));
        EventFilter.Exception<InvalidOperationException>(contains: "boom").ExpectOne(() => a.Tell("throw"));
    }

    [Fact]
    public async Task GuardianEscalation_UserGuardianStops_SystemTerminates()
    {
        await using var sys = ActorSystem.Create("esc", new ActorSystemSettings
        {
            GuardianSupervisorStrategy = new OneForOneStrategy(_ => Directive.Escalate),
        });
        var a = sys.ActorOf(Reporter.Props(TestActor));
        a.Tell("throw");
        await sys.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class EscalatingParent : ReceiveActor
    {
        private readonly IActorRef _probe;

        public EscalatingParent(IActorRef probe)
        {
            _probe = probe;
            Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name)));
        }

        protected override void PreStart() => _probe.Tell("parent:PreStart");

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Escalate);
    }
}
