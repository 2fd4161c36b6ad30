using Actors.Kernel.Actor;
using Actors.Kernel.Persistence.Actors;
using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Serialization;
using Actors.Kernel.Persistence.Snapshot;

namespace Actors.Kernel.Tests.Persistence.Actors;

/// <summary>ReceivePersistentActor on the in-memory journal: recovery, stashing, persist replies and failures.</summary>
public sealed class ReceivePersistentActorTests : TestKit.TestKit
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private readonly TestJournal _journal;
    private readonly PersistenceProvider _persistence;

    public ReceivePersistentActorTests()
        : this(null)
    {
    }

    private ReceivePersistentActorTests(SerializerRegistry? registry)
    {
        _journal = new TestJournal(new MemoryJournal(registry));
        _persistence = new PersistenceProvider(_journal, new MemorySnapshotStore(registry));
    }

    [Fact]
    public void Recovery_AfterPersists_ReplaysAllEventsInOrderAndContinuesNumbering()
    {
        var a = Start("p1");
        foreach (var v in new[] { "a", "b", "c", "d", "e" })
        {
            a.Tell(new Rec.Add(v));
        }

        Assert.Equal([1L, 2, 3, 4, 5], ReceiveN(5, Deadline).Cast<Persisted>().Select(p => p.SequenceNr));
        StopAndWait(a);

        var b = Start("p1", expectRecovered: false);
        var recovered = ExpectMsg<Recovered>(Deadline);
        Assert.Equal(["a", "b", "c", "d", "e"], recovered.Values);
        Assert.Equal(5, recovered.LastSequenceNr);
        b.Tell(new Rec.Add("f"));
        Assert.Equal(new Persisted("f", 6), ExpectMsg<Persisted>(Deadline));
    }

    [Fact]
    public void Recovery_WithSnapshot_OffersSnapshotThenReplaysOnlyLaterEvents()
    {
        var a = Start("snap");
        a.Tell(new Rec.Add("a"));
        a.Tell(new Rec.Add("b"));
        ExpectMsg<Persisted>(Deadline);
        ExpectMsg<Persisted>(Deadline);
        a.Tell(new Rec.Snap());
        Assert.Equal(2, ExpectMsg<SaveSnapshotSuccess>(Deadline).Metadata.SequenceNr);
        a.Tell(new Rec.Add("c"));
        ExpectMsg(new Persisted("c", 3), Deadline);
        StopAndWait(a);

        Start("snap", expectRecovered: false);
        ExpectMsg("offer:2", Deadline);
        var recovered = ExpectMsg<Recovered>(Deadline);
        Assert.Equal(["a", "b", "c"], recovered.Values);
        Assert.Equal(3, recovered.LastSequenceNr);
    }

    [Fact]
    public void Commands_DuringRecovery_AreStashedAndProcessedInOrderAfterRecoveryCompleted()
    {
        var first = Start("stash-rec");
        first.Tell(new Rec.Add("a"));
        ExpectMsg<Persisted>(Deadline);
        StopAndWait(first);

        _journal.HoldReplays();
        var a = Start("stash-rec", expectRecovered: false);
        a.Tell("x1");
        a.Tell("x2");
        a.Tell("x2");
        ExpectNoMsg(Quiet);
        _journal.OpenReplays();
        Assert.Equal(["a"], ExpectMsg<Recovered>(Deadline).Values);
        ExpectMsg("cmd:x1", Deadline);
        ExpectMsg("cmd:x2", Deadline);
        ExpectMsg("cmd:x2", Deadline);
    }

    [Fact]
    public void Commands_WhilePersistInFlight_AreStashedUntilHandlerRan()
    {
        var a = Start("stash-persist");
        _journal.HoldWrites();
        a.Tell(new Rec.Add("a"));
        a.Tell("x");
        a.Tell(new Rec.Add("b"));
        a.Tell("y");
        ExpectNoMsg(Quiet);
        _journal.OpenWrites();
        ExpectMsg(new Persisted("a", 1), Deadline);
        ExpectMsg("cmd:x", Deadline);
        ExpectMsg(new Persisted("b", 2), Deadline);
        ExpectMsg("cmd:y", Deadline);
    }

    [Fact]
    public void PersistAsync_WhileWriteInFlight_DoesNotStashCommands()
    {
        var a = Start("async");
        _journal.HoldWrites();
        a.Tell(new Rec.AddAsync("a"));
        a.Tell("x");
        ExpectMsg("cmd:x", Deadline);
        _journal.OpenWrites();
        ExpectMsg(new Persisted("a", 1), Deadline);
    }

    [Fact]
    public void DeferAsync_AfterPendingPersists_RunsAfterTheirHandlersInOrder()
    {
        var a = Start("defer");
        a.Tell(new Rec.Defer("now"));
        ExpectMsg("deferred:now", Deadline);

        _journal.HoldWrites();
        a.Tell(new Rec.AddAsync("a"));
        a.Tell(new Rec.Defer("d"));
        a.Tell(new Rec.AddAsync("b"));
        a.Tell(new Rec.Defer("e"));
        ExpectNoMsg(Quiet);
        _journal.OpenWrites();
        ExpectMsg(new Persisted("a", 1), Deadline);
        ExpectMsg("deferred:d", Deadline);
        ExpectMsg(new Persisted("b", 2), Deadline);
        ExpectMsg("deferred:e", Deadline);
    }

    [Fact]
    public void PersistHandler_Sender_IsTheSenderOfTheCommand()
    {
        var a = Start("sender");
        var p1 = CreateTestProbe();
        var p2 = CreateTestProbe();
        _journal.HoldWrites();
        p1.Send(a, new Rec.AddAsync("one"));
        p2.Send(a, new Rec.AddAsync("two"));
        p1.Send(a, new Rec.Add("three"));
        _journal.OpenWrites();
        p1.ExpectMsg(new Persisted("one", 1), Deadline);
        p2.ExpectMsg(new Persisted("two", 2), Deadline);
        p1.ExpectMsg(new Persisted("three", 3), Deadline);
        ExpectNoMsg(Quiet);
    }

    [Fact]
    public void PersistAll_HandlerRunsOncePerEventInOrder()
    {
        var a = Start("all");
        a.Tell(new Rec.AddAll(["a", "b", "c"]));
        a.Tell("after");
        ExpectMsg(new Persisted("a", 1), Deadline);
        ExpectMsg(new Persisted("b", 2), Deadline);
        ExpectMsg(new Persisted("c", 3), Deadline);
        ExpectMsg("cmd:after", Deadline);
    }

    [Fact]
    public void CommandAsync_PersistAfterAwait_WrittenAndNextCommandWaits()
    {
        var a = Start("cmd-async");
        a.Tell(new Rec.AddAfterAwait("a"));
        a.Tell("x");
        ExpectMsg(new Persisted("a", 1), Deadline);
        ExpectMsg("cmd:x", Deadline);
    }

    [Fact]
    public void PersistFailure_JournalFails_LogsAndStopsTheActor()
    {
        var a = Start("fail");
        Watch(a);
        _journal.FailWrites = true;
        EventFilter.Error(contains: "Failed to persist event type [Added] with sequence number [1] for persistenceId [fail]")
            .ExpectOne(() => a.Tell(new Rec.Add("a")));
        ExpectMsg("failed:1", Deadline);
        ExpectTerminated(a, Deadline);
    }

    [Fact]
    public void PersistRejected_EventNotSerializable_ActorKeepsRunning()
    {
        using var kit = new RejectingKit();
        kit.Run();
    }

    [Fact]
    public void RecoveryFailure_JournalReplayFails_LogsAndStops()
    {
        _journal.ReplayFailure = new PersistenceRecoveryException("broken", 3, "added.v1", new FormatException("bad bytes"));
        IActorRef? a = null;
        EventFilter.Error(contains: "Persistence failure when replaying events for persistenceId [broken]")
            .ExpectOne(() => a = Sys.ActorOf(RecorderActor.PropsFor(_persistence, "broken", TestActor)));
        Watch(a!);
        ExpectTerminated(a!, Deadline);
    }

    [Fact]
    public void DeleteMessages_ThenRestart_RecoversOnlyTheRestAndContinuesNumbering()
    {
        var a = Start("del");
        foreach (var v in new[] { "a", "b", "c" })
        {
            a.Tell(new Rec.Add(v));
        }

        ReceiveN(3, Deadline);
        a.Tell(new Rec.Delete(2));
        ExpectMsg(new DeleteMessagesSuccess(2), Deadline);
        a.Tell(new Rec.Delete(99));
        Assert.Equal(99, ExpectMsg<DeleteMessagesFailure>(Deadline).ToSequenceNr);
        StopAndWait(a);

        var b = Start("del", expectRecovered: false);
        var recovered = ExpectMsg<Recovered>(Deadline);
        Assert.Equal(["c"], recovered.Values);
        Assert.Equal(3, recovered.LastSequenceNr);
        b.Tell(new Rec.Delete(long.MaxValue));
        ExpectMsg(new DeleteMessagesSuccess(long.MaxValue), Deadline);
        StopAndWait(b);

        var c = Start("del", expectRecovered: false);
        var empty = ExpectMsg<Recovered>(Deadline);
        Assert.Empty(empty.Values);
        Assert.Equal(3, empty.LastSequenceNr);
        c.Tell(new Rec.Add("d"));
        ExpectMsg(new Persisted("d", 4), Deadline);
    }

    [Fact]
    public void Restart_AfterCommandHandlerThrows_RecoversStateAgain()
    {
        var a = Start("restart");
        a.Tell(new Rec.Add("a"));
        ExpectMsg<Persisted>(Deadline);
        EventFilter.Exception<InvalidOperationException>(contains: "recorder boom").ExpectOne(() => a.Tell(new Rec.Boom()));
        Assert.Equal(["a"], ExpectMsg<Recovered>(Deadline).Values);
        a.Tell(new Rec.Get());
        Assert.Equal(new[] { "a" }, ExpectMsg<RecorderState>(Deadline).Values);
    }

    [Fact]
    public void RecoveryNone_ExistingEvents_StartsEmptyButContinuesNumbering()
    {
        var a = Start("none");
        a.Tell(new Rec.Add("a"));
        a.Tell(new Rec.Add("b"));
        ReceiveN(2, Deadline);
        StopAndWait(a);

        var b = Sys.ActorOf(RecorderActor.PropsFor(_persistence, "none", TestActor, Recovery.None));
        var recovered = ExpectMsg<Recovered>(Deadline);
        Assert.Empty(recovered.Values);
        Assert.Equal(2, recovered.LastSequenceNr);
        b.Tell(new Rec.Add("c"));
        ExpectMsg(new Persisted("c", 3), Deadline);
    }

    [Fact]
    public void Recovery_ToSequenceNr_ReplaysOnlyThePrefix()
    {
        var a = Start("prefix");
        a.Tell(new Rec.AddAll(["a", "b", "c"]));
        ReceiveN(3, Deadline);
        StopAndWait(a);

        Sys.ActorOf(RecorderActor.PropsFor(_persistence, "prefix", TestActor, new Recovery(SnapshotSelectionCriteria.Latest, 2)));
        Assert.Equal(["a", "b"], ExpectMsg<Recovered>(Deadline).Values);
    }

    private IActorRef Start(string pid, bool expectRecovered = true)
    {
        var a = Sys.ActorOf(RecorderActor.PropsFor(_persistence, pid, TestActor));
        if (expectRecovered)
        {
            ExpectMsg<Recovered>(Deadline);
        }

        return a;
    }

    private void StopAndWait(IActorRef a)
    {
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a, Deadline);
        Unwatch(a);
    }

    /// <summary>A kit whose journal serializes with a registry that does not know Rec.Unregistered.</summary>
    private sealed class RejectingKit : TestKit.TestKit
    {
        public void Run()
        {
            var registry = new SerializerRegistry().Register<Added>("added.v1").Register<RecorderSnapshot>("recorder-snapshot.v1");
            var persistence = new PersistenceProvider(new MemoryJournal(registry), new MemorySnapshotStore(registry));
            var a = Sys.ActorOf(RecorderActor.PropsFor(persistence, "reject", TestActor));
            ExpectMsg<Recovered>(Deadline);
            EventFilter.Warning(contains: "Rejected to persist event type [Unregistered]")
                .ExpectOne(() => a.Tell(new Rec.Unregistered(1)));
            ExpectMsg("rejected:1", Deadline);
            a.Tell(new Rec.Add("a"));
            ExpectMsg(new Persisted("a", 2), Deadline);
            a.Tell(new Rec.Get());
            Assert.Equal(new[] { "a" }, ExpectMsg<RecorderState>(Deadline).Values);
        }
    }
}
