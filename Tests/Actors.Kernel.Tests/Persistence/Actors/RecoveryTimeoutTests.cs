using Actors.Kernel.Actor;
using Actors.Kernel.Persistence.Actors;
using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Snapshot;
using Actors.TestKit;

namespace Actors.Kernel.Tests.Persistence.Actors;

/// <summary>recovery-event-timeout, driven by a manual clock.</summary>
public sealed class RecoveryTimeoutTests : TestKit.TestKit
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly ManualTimeProvider _time;
    private readonly TestJournal _journal = new(new MemoryJournal());

    public RecoveryTimeoutTests()
        : this(new ManualTimeProvider())
    {
    }

    private RecoveryTimeoutTests(ManualTimeProvider time)
        : base(new ActorSystemSettings { TimeProvider = time }) => _time = time;

    [Fact]
    public async Task Recovery_NoEventWithinTimeout_FailsWithRecoveryTimedOutAndStops()
    {
        var persistence = new PersistenceProvider(_journal, new MemorySnapshotStore(), recoveryEventTimeout: TimeSpan.FromSeconds(30));
        _journal.HoldReplays();
        var a = Sys.ActorOf(RecorderActor.PropsFor(persistence, "slow", TestActor));
        Watch(a);
        a.Tell(new Rec.Get());
        await _journal.ReplayRequested.WaitAsync(Deadline);

        // The loaded (empty) snapshot counts as progress for the first period; the second has none.
        EventFilter.Error(contains: "Recovery timed out, didn't get a replayed event within 00:00:30 (persistenceId [slow]")
            .ExpectOne(() => _time.Advance(TimeSpan.FromSeconds(60)));
        ExpectTerminated(a, Deadline);
        _journal.OpenReplays();
    }

    [Fact]
    public void Recovery_CompletedBeforeTimeout_TimerCancelledAndActorKeepsRunning()
    {
        var persistence = new PersistenceProvider(_journal, new MemorySnapshotStore(), recoveryEventTimeout: TimeSpan.FromSeconds(30));
        var a = Sys.ActorOf(RecorderActor.PropsFor(persistence, "fast", TestActor));
        ExpectMsg<Recovered>(Deadline);
        _time.Advance(TimeSpan.FromMinutes(5));
        a.Tell(new Rec.Add("a"));
        ExpectMsg(new Persisted("a", 1), Deadline);
    }

    [Fact]
    public void Provider_NonPositiveRecoveryTimeout_ThrowsNamingTheKey()
    {
        var ex = Assert.Throws<ArgumentException>(() => new PersistenceProvider(_journal, new MemorySnapshotStore(), recoveryEventTimeout: TimeSpan.Zero));
        Assert.Contains("recovery-event-timeout", ex.Message, StringComparison.Ordinal);
    }
}
