using Actors.Kernel.Actor;
using Actors.TestKit.TestActors;

namespace Actors.Kernel.Tests.DeathWatch;

public sealed class DeathWatchTests : TestKit.TestKit
{
    [Fact]
    public void Watch_ActorStops_TerminatedDelivered()
    {
        var a = Sys.ActorOf(BlackHoleActor.Props());
        Watch(a);
        Sys.Stop(a);
        var t = ExpectTerminated(a);
        Assert.True(t.ExistenceConfirmed);
    }

    [Fact]
    public void Watch_AlreadyDead_TerminatedWithoutExistenceConfirmed()
    {
        var a = Sys.ActorOf(BlackHoleActor.Props());
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a);
        var probe = CreateTestProbe();
        probe.Watch(a);
        Assert.False(probe.ExpectTerminated(a).ExistenceConfirmed);
    }

    [Fact]
    public void ContextWatch_FromActor_ReceivesTerminatedOnce()
    {
        var target = Sys.ActorOf(BlackHoleActor.Props());
        Sys.ActorOf(Props.Create(() => new Watcher(target, TestActor, null)));
        ExpectMsg("watching");
        Sys.Stop(target);
        ExpectMsg<Terminated>(t => t.ActorRef.Equals(target));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void WatchWith_ActorStops_CustomMessageDelivered()
    {
        var target = Sys.ActorOf(BlackHoleActor.Props());
        Sys.ActorOf(Props.Create(() => new Watcher(target, TestActor, "custom-gone")));
        ExpectMsg("watching");
        Sys.Stop(target);
        ExpectMsg("custom-gone");
    }

    [Fact]
    public void Unwatch_BeforeStop_NoTerminated()
    {
        var target = Sys.ActorOf(BlackHoleActor.Props());
        var w = Sys.ActorOf(Props.Create(() => new Watcher(target, TestActor, null)));
        ExpectMsg("watching");
        w.Tell("unwatch");
        ExpectMsg("unwatched");
        Sys.Stop(target);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void UnhandledTerminated_Watcher_DiesWithDeathPact()
    {
        var target = Sys.ActorOf(BlackHoleActor.Props());
        var w = Sys.ActorOf(Props.Create(() => new PactWatcher(target, TestActor)));
        ExpectMsg("watching");
        Watch(w);
        EventFilter.Exception<DeathPactException>().ExpectOne(() => Sys.Stop(target));
        ExpectTerminated(w);
    }

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef target, IActorRef probe, object? custom)
        {
            if (custom is null)
            {
                Context.Watch(target);
            }
            else
            {
                Context.WatchWith(target, custom);
            }

            probe.Tell("watching");
            Receive<string>(s => s == "unwatch", _ =>
            {
                Context.Unwatch(target);
                probe.Tell("unwatched");
            });
            ReceiveAny(m => probe.Tell(m));
        }
    }

    private sealed class PactWatcher : ReceiveActor
    {
        public PactWatcher(IActorRef target, IActorRef probe)
        {
            Context.Watch(target);
            probe.Tell("watching");
            Receive<string>(_ => { });
        }
    }
}
