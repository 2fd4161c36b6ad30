using Actors.Kernel.Actor;
using Actors.TestKit;

namespace Actors.Kernel.Tests.Scheduling;

public sealed class TimerTests : TestKit.TestKit
{
    private readonly ManualTimeProvider _time;

    public TimerTests()
        : this(new ManualTimeProvider())
    {
    }

    private TimerTests(ManualTimeProvider time)
        : base(new ActorSystemSettings { TimeProvider = time }) => _time = time;

    [Fact]
    public void SingleTimer_Advance_FiresOnce()
    {
        var a = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));
        a.Tell(new Start("k", TimeSpan.FromSeconds(5), false));
        ExpectMsg("started");
        _time.Advance(TimeSpan.FromSeconds(4));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("tick:k");
        _time.Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void PeriodicTimer_Advance_FiresEachPeriod()
    {
        var a = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));
        a.Tell(new Start("p", TimeSpan.FromSeconds(1), true));
        ExpectMsg("started");
        _time.Advance(TimeSpan.FromSeconds(3));
        ExpectMsg("tick:p");
        ExpectMsg("tick:p");
        ExpectMsg("tick:p");
    }

    [Fact]
    public void Timer_SameKey_ReplacesPrevious()
    {
        var a = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));
        a.Tell(new Start("k", TimeSpan.FromSeconds(1), false));
        a.Tell(new Start("k", TimeSpan.FromSeconds(5), false));
        ExpectMsg("started");
        ExpectMsg("started");
        _time.Advance(TimeSpan.FromSeconds(2));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromSeconds(3));
        ExpectMsg("tick:k");
    }

    [Fact]
    public void Timer_Cancel_NoMessage()
    {
        var a = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));
        a.Tell(new Start("k", TimeSpan.FromSeconds(1), false));
        a.Tell("cancel:k");
        ExpectMsg("started");
        ExpectMsg("cancelled");
        _time.Advance(TimeSpan.FromSeconds(2));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Timer_ActorRestarts_TimersCancelled()
    {
        var a = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));
        a.Tell(new Start("k", TimeSpan.FromSeconds(1), true));
        ExpectMsg("started");
        a.Tell("throw");
        a.Tell("ping");
        ExpectMsg("pong");
        _time.Advance(TimeSpan.FromSeconds(5));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void Timer_ActorStops_TimersCancelled()
    {
        var a = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor)));
        a.Tell(new Start("k", TimeSpan.FromSeconds(1), true));
        ExpectMsg("started");
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a);
        Assert.Equal(0, _time.ActiveTimerCount);
    }

    [Fact]
    public void ScheduleTellOnce_Advance_Delivers()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), TestActor, "later", null);
        _time.Advance(TimeSpan.FromSeconds(1));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg("later");
    }

    [Fact]
    public void ScheduleTellRepeatedly_Cancel_StopsDeliveries()
    {
        var c = Sys.Scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "rep", null);
        _time.Advance(TimeSpan.FromSeconds(2));
        ExpectMsg("rep");
        ExpectMsg("rep");
        c.Cancel();
        _time.Advance(TimeSpan.FromSeconds(5));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Assert.True(c.IsCancellationRequested);
    }

    [Fact]
    public void ScheduleOnce_ActionThrows_IsLoggedAndDoesNotEscape()
    {
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromSeconds(1), () => throw new InvalidOperationException("scheduled boom"));
        EventFilter.Exception<InvalidOperationException>(contains: "scheduled boom").ExpectOne(() => _time.Advance(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void AdvancedScheduleRepeatedly_Advance_RunsActionEachInterval()
    {
        var runs = 0;
        var c = Sys.Scheduler.Advanced.ScheduleRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), () => Interlocked.Increment(ref runs));
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(3, Volatile.Read(ref runs));
        c.Cancel();
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(3, Volatile.Read(ref runs));
    }

    [Fact]
    public void ReceiveTimeout_NoMessages_ReceiveTimeoutDelivered()
    {
        var a = Sys.ActorOf(Props.Create(() => new IdleActor(TestActor)));
        a.Tell("hi");
        ExpectMsg("hi");
        _time.Advance(TimeSpan.FromSeconds(9));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        a.Tell("again");
        ExpectMsg("again");
        _time.Advance(TimeSpan.FromSeconds(9));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        _time.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg<ReceiveTimeout>();
    }

    [Fact]
    public async Task Ask_ManualClock_TimesOutOnlyWhenAdvanced()
    {
        var hole = Sys.ActorOf(TestKit.TestActors.BlackHoleActor.Props());
        var task = hole.Ask<string>("x", TimeSpan.FromSeconds(30));
        Assert.False(task.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(31));
        await Assert.ThrowsAsync<AskTimeoutException>(() => task);
    }

    private sealed record Start(string Key, TimeSpan Delay, bool Periodic);

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        public TimerActor(IActorRef probe)
        {
            Receive<Start>(s =>
            {
                if (s.Periodic)
                {
                    Timers.StartPeriodicTimer(s.Key, "tick:" + s.Key, s.Delay);
                }
                else
                {
                    Timers.StartSingleTimer(s.Key, "tick:" + s.Key, s.Delay);
                }

                probe.Tell("started");
            });
            Receive<string>(s => s.StartsWith("cancel:", StringComparison.Ordinal), s =>
            {
                Timers.Cancel(s["cancel:".Length..]);
                probe.Tell("cancelled");
            });
            Receive<string>(s => s == "throw", _ => throw new InvalidOperationException("restart me"));
            Receive<string>(s => s == "ping", _ => probe.Tell("pong"));
            Receive<string>(s => probe.Tell(s));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }

    private sealed class IdleActor : ReceiveActor
    {
        public IdleActor(IActorRef probe)
        {
            Context.SetReceiveTimeout(TimeSpan.FromSeconds(10));
            ReceiveAny(m => probe.Tell(m));
        }
    }
}
