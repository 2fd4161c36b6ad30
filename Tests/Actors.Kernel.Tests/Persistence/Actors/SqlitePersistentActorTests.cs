using Actors.Kernel.Actor;
using Actors.Kernel.Persistence.Actors;
using Actors.Kernel.Persistence.Serialization;
using Actors.Kernel.Persistence.Sqlite;

namespace Actors.Kernel.Tests.Persistence.Actors;

/// <summary>Persistent actors on the SQLite journal and snapshot store (temporary database file).</summary>
public sealed class SqlitePersistentActorTests : TestKit.TestKit
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempDatabase _db = new();
    private readonly SerializerRegistry _registry = new SerializerRegistry()
        .Register<Added>("added.v1")
        .Register<RecorderSnapshot>("recorder-snapshot.v1");

    [Fact]
    public void ConcurrentActors_OneSqliteJournal_EachStreamCompleteAndOrdered()
    {
        const int actors = 20;
        const int events = 25;
        using (var storage = Open())
        {
            var refs = Enumerable.Range(0, actors).Select(i => Sys.ActorOf(RecorderActor.PropsFor(storage.Provider, "c" + i, TestActor))).ToList();
            ReceiveN(actors, Deadline);
            for (var j = 0; j < events; j++)
            {
                for (var i = 0; i < actors; i++)
                {
                    refs[i].Tell(j % 2 == 0 ? new Rec.Add("c" + i + "-" + j) : new Rec.AddAsync("c" + i + "-" + j));
                }
            }

            var persisted = ReceiveN(actors * events, Deadline).Cast<Persisted>().ToList();
            foreach (var group in persisted.GroupBy(p => p.Value.Split('-')[0]))
            {
                Assert.Equal(Enumerable.Range(1, events).Select(n => (long)n), group.Select(p => p.SequenceNr));
                Assert.Equal(Enumerable.Range(0, events).Select(j => group.Key + "-" + j), group.Select(p => p.Value));
            }

            Assert.True(storage.Journal.CommittedBatches < actors * events, "concurrent persists should share transactions");
            refs.ForEach(StopAndWait);
        }

        using var reopened = Open();
        for (var i = 0; i < actors; i++)
        {
            Sys.ActorOf(RecorderActor.PropsFor(reopened.Provider, "c" + i, TestActor));
            var recovered = ExpectMsg<Recovered>(Deadline);
            Assert.Equal(Enumerable.Range(0, events).Select(j => "c" + i + "-" + j), recovered.Values);
            Assert.Equal(events, recovered.LastSequenceNr);
        }
    }

    [Fact]
    public void Restart_NewJournalInstance_RecoversFromSnapshotAndLaterEvents()
    {
        using (var storage = Open())
        {
            var a = Sys.ActorOf(RecorderActor.PropsFor(storage.Provider, "node-1", TestActor));
            ExpectMsg<Recovered>(Deadline);
            a.Tell(new Rec.AddAll(["a", "b"]));
            ReceiveN(2, Deadline);
            a.Tell(new Rec.Snap());
            ExpectMsg<SaveSnapshotSuccess>(Deadline);
            a.Tell(new Rec.Add("c"));
            ExpectMsg(new Persisted("c", 3), Deadline);
            a.Tell(new Rec.Delete(2));
            ExpectMsg(new DeleteMessagesSuccess(2), Deadline);
            StopAndWait(a);
        }

        using var reopened = Open();
        var b = Sys.ActorOf(RecorderActor.PropsFor(reopened.Provider, "node-1", TestActor));
        ExpectMsg("offer:2", Deadline);
        var recovered = ExpectMsg<Recovered>(Deadline);
        Assert.Equal(["a", "b", "c"], recovered.Values);
        b.Tell(new Rec.Add("d"));
        ExpectMsg(new Persisted("d", 4), Deadline);
        Assert.Equal(2, _db.Scalar("SELECT COUNT(*) FROM event_journal WHERE persistence_id = 'node-1'"));
    }

    [Fact]
    public void Recovery_CorruptedPayloadRow_LogsPositionAndStops()
    {
        using var storage = Open();
        var a = Sys.ActorOf(RecorderActor.PropsFor(storage.Provider, "corrupt", TestActor));
        ExpectMsg<Recovered>(Deadline);
        a.Tell(new Rec.AddAll(["a", "b", "c"]));
        ReceiveN(3, Deadline);
        StopAndWait(a);
        _db.Execute("UPDATE event_journal SET payload = X'7B7B' WHERE persistence_id = 'corrupt' AND sequence_nr = 2");

        IActorRef? b = null;
        EventFilter.Error(contains: "Cannot recover persistence id 'corrupt' at sequence nr 2")
            .ExpectOne(() => b = Sys.ActorOf(RecorderActor.PropsFor(storage.Provider, "corrupt", TestActor)));
        Watch(b!);
        ExpectTerminated(b!, Deadline);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _db.Dispose();
        }
    }

    private Storage Open()
    {
        var journal = new SqliteJournal(new SqliteJournalOptions { ConnectionString = _db.ConnectionString, AutoInitialize = true }, _registry);
        var snapshots = new SqliteSnapshotStore(new SqliteSnapshotStoreOptions { ConnectionString = _db.ConnectionString, AutoInitialize = true }, _registry);
        return new Storage(journal, snapshots, new PersistenceProvider(journal, snapshots));
    }

    private void StopAndWait(IActorRef a)
    {
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a, Deadline);
        Unwatch(a);
    }

    private sealed record Storage(SqliteJournal Journal, SqliteSnapshotStore Snapshots, PersistenceProvider Provider) : IDisposable
    {
        public void Dispose()
        {
            Journal.Dispose();
            Snapshots.Dispose();
        }
    }
}
