using Actors.Kernel.Actor;

namespace Actors.Kernel.Tests.Supervision;

/// <summary>
/// Akka's recursive suspension: a failed actor and all its descendants process no user messages
/// (system messages still flow) until the supervisor decides; then Resume resumes the subtree,
/// Restart stops the children (or restarts those PreRestart kept), Stop stops everything.
/// The supervisor's decider is held on a gate so the pending decision can be observed.
/// </summary>
public sealed class SuspensionTests : TestKit.TestKit
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void FailedParent_AwaitingDecision_SubtreeProcessesNoUserMessagesUntilResume()
    {
        using var gate = new GatedDecider();
        var probe = CreateTestProbe();
        var (p, c, gc) = Tree(Sys.ActorOf(Supervisor.Props(gate.Strategy()), "top"), probe, keepChildren: false);
        p.Tell("count");
        probe.ExpectMsg("p:count:1");

        FailAndAwaitDecision(p, gate, p, c, gc);
        p.Tell("count");
        c.Tell("ping");
        gc.Tell("ping");
        probe.ExpectNoMsg(Quiet);

        gate.Decide(Directive.Resume);
        probe.ExpectMsgAllOf("p:count:2", "c:ping", "gc:ping");
        AwaitCondition(() => !IsSuspended(p) && !IsSuspended(c) && !IsSuspended(gc), null, null, "suspend counts back to zero");
    }

    [Fact]
    public void FailedParent_AwaitingDecision_SystemMessagesStillReachSuspendedChildren()
    {
        using var gate = new GatedDecider();
        var probe = CreateTestProbe();
        var (p, c, gc) = Tree(Sys.ActorOf(Supervisor.Props(gate.Strategy()), "top"), probe, keepChildren: false);
        FailAndAwaitDecision(p, gate, p, c, gc);

        Watch(c);
        Sys.Stop(c);
        probe.ExpectMsgAllOf("gc:stop", "c:stop");
        ExpectTerminated(c);

        gate.Decide(Directive.Resume);
        p.Tell("count");
        probe.ExpectMsg("p:count:1");
    }

    [Fact]
    public void FailedParent_Restart_SuspendedChildrenStopWithoutProcessingQueuedMessages()
    {
        using var gate = new GatedDecider();
        var probe = CreateTestProbe();
        var (p, c, gc) = Tree(Sys.ActorOf(Supervisor.Props(gate.Strategy()), "top"), probe, keepChildren: false);
        FailAndAwaitDecision(p, gate, p, c, gc);
        c.Tell("ping");
        gc.Tell("ping");
        Watch(c);

        gate.Decide(Directive.Restart);
        probe.ExpectMsgAllOf("p:prerestart", "p:stop", "gc:stop", "c:stop", "p:restarted");
        ExpectTerminated(c);
        p.Tell("count");
        probe.ExpectMsg("p:count:1");
    }

    [Fact]
    public void FailedParent_RestartKeepingChildren_ChildrenRestartRecursivelyThenProcessQueuedMessages()
    {
        using var gate = new GatedDecider();
        var probe = CreateTestProbe();
        var (p, c, gc) = Tree(Sys.ActorOf(Supervisor.Props(gate.Strategy()), "top"), probe, keepChildren: true);
        FailAndAwaitDecision(p, gate, p, c, gc);
        c.Tell("ping");
        gc.Tell("ping");
        probe.ExpectNoMsg(Quiet);

        gate.Decide(Directive.Restart);
        var got = probe.ExpectMsgAllOf(
            "p:prerestart", "p:restarted", "c:prerestart", "c:restarted", "gc:prerestart", "gc:restarted", "c:ping", "gc:ping").ToList();
        foreach (var n in new[] { "c", "gc" })
        {
            Assert.True(got.IndexOf(n + ":prerestart") < got.IndexOf(n + ":restarted"), string.Join(", ", got));
            Assert.True(got.IndexOf(n + ":restarted") < got.IndexOf(n + ":ping"), string.Join(", ", got));
        }

        AwaitCondition(() => !IsSuspended(p) && !IsSuspended(c) && !IsSuspended(gc), null, null, "suspend counts back to zero");
    }

    [Fact]
    public void FailedParent_Stop_SubtreeStopsWithoutProcessingQueuedMessages()
    {
        using var gate = new GatedDecider();
        var probe = CreateTestProbe();
        var (p, c, gc) = Tree(Sys.ActorOf(Supervisor.Props(gate.Strategy()), "top"), probe, keepChildren: false);
        FailAndAwaitDecision(p, gate, p, c, gc);
        c.Tell("ping");
        gc.Tell("ping");
        Watch(p);

        gate.Decide(Directive.Stop);
        probe.ExpectMsgAllOf("gc:stop", "c:stop", "p:stop");
        ExpectTerminated(p);
    }

    [Fact]
    public void EscalatedFailure_AwaitingTopDecision_WholeSubtreeSuspendedThenResumedWithState()
    {
        using var gate = new GatedDecider();
        var probe = CreateTestProbe();
        var top = Sys.ActorOf(Supervisor.Props(gate.Strategy()), "top");
        var mid = ChildOf(top, Supervisor.Props(new OneForOneStrategy(_ => Directive.Escalate)), "mid");
        var (p, c, _) = Tree(mid, probe, keepChildren: false);
        p.Tell("count");
        probe.ExpectMsg("p:count:1");

        FailAndAwaitDecision(p, gate, mid, p, c);
        p.Tell("count");
        c.Tell("ping");
        probe.ExpectNoMsg(Quiet);

        gate.Decide(Directive.Resume);
        probe.ExpectMsgAllOf("p:count:2", "c:ping");
        AwaitCondition(() => !IsSuspended(mid) && !IsSuspended(p) && !IsSuspended(c), null, null, "suspend counts back to zero");
    }

    [Fact]
    public void ChildFailure_ArrivingWhileParentFailed_IsDecidedOnlyAfterParentResumes()
    {
        using var topGate = new GatedDecider();
        using var parentGate = new GatedDecider();
        var probe = CreateTestProbe();
        var top = Sys.ActorOf(Supervisor.Props(topGate.Strategy()), "top");
        var parent = ChildOf(top, Supervisor.Props(parentGate.Strategy()), "parent");
        var c1 = ChildOf(parent, SuspendableNode.Props(probe.Ref), "c1");
        var c2 = ChildOf(parent, SuspendableNode.Props(probe.Ref), "c2");
        probe.ExpectMsgAllOf("c1:start", "c2:start");

        c1.Tell("throw");
        AwaitCondition(() => parentGate.Entries == 1, null, null, "parent deciding about c1");
        c2.Tell("throw");
        AwaitCondition(() => IsSuspended(c2) && Cell(parent).Mailbox.HasSystemMessages, null, null, "c2's failure queued at the parent");
        parentGate.Decide(Directive.Escalate);
        AwaitCondition(() => topGate.Entries == 1 && !Cell(parent).Mailbox.HasSystemMessages, null, null, "parent failed");
        Assert.Equal(1, parentGate.Entries);

        parentGate.Decide(Directive.Resume);
        topGate.Decide(Directive.Resume);
        AwaitCondition(() => parentGate.Entries == 2, null, null, "c2's failure decided after the parent resumed");
        c1.Tell("ping");
        c2.Tell("ping");
        probe.ExpectMsgAllOf("c1:ping", "c2:ping");
        AwaitCondition(() => !IsSuspended(parent) && !IsSuspended(c1) && !IsSuspended(c2), null, null, "suspend counts back to zero");
    }

    private static ActorCell Cell(IActorRef actor) => ((LocalActorRef)actor).Cell;

    private static bool IsSuspended(IActorRef actor) => Cell(actor).Mailbox.IsSuspended;

    private void FailAndAwaitDecision(IActorRef failing, GatedDecider gate, params IActorRef[] subtree)
    {
        failing.Tell("throw");
        AwaitCondition(() => gate.Entries == 1, null, null, "supervisor asked for a decision");
        AwaitCondition(() => subtree.All(IsSuspended), null, null, "failed subtree suspended");
    }

    private (IActorRef P, IActorRef C, IActorRef Gc) Tree(IActorRef top, TestKit.TestProbe probe, bool keepChildren)
    {
        var p = ChildOf(top, SuspendableNode.Props(probe.Ref, keepChildren), "p");
        var c = ChildOf(p, SuspendableNode.Props(probe.Ref, keepChildren), "c");
        var gc = ChildOf(c, SuspendableNode.Props(probe.Ref, keepChildren), "gc");
        probe.ExpectMsgAllOf("p:start", "c:start", "gc:start");
        return (p, c, gc);
    }

    private IActorRef ChildOf(IActorRef parent, Props props, string name)
    {
        parent.Tell(new CreateChild(props, name), TestActor);
        return ExpectMsg<IActorRef>();
    }
}
