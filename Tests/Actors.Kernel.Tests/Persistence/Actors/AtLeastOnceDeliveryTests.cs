using System.Text.Json;
using Actors.Kernel.Actor;
using Actors.Kernel.Persistence.Actors;
using Actors.Kernel.Persistence.Delivery;
using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Serialization;
using Actors.Kernel.Persistence.Snapshot;
using Actors.Kernel.Persistence.Sqlite;
using Actors.TestKit;

namespace Actors.Kernel.Tests.Persistence.Actors;

/// <summary>AtLeastOnceDeliveryReceiveActor with a manual clock driving redelivery.</summary>
public sealed class AtLeastOnceDeliveryTests : TestKit.TestKit
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly ManualTimeProvider _time;
    private readonly TestJournal _journal = new(new MemoryJournal());
    private readonly MemorySnapshotStore _snapshots = new();

    public AtLeastOnceDeliveryTests()
        : this(new ManualTimeProvider())
    {
    }

    private AtLeastOnceDeliveryTests(ManualTimeProvider time)
        : base(new ActorSystemSettings { TimeProvider = time }) => _time = time;

    [Fact]
    public void Deliver_SendsWithDeliveryIdAndRedeliversOnlyAfterTheInterval()
    {
        var dest = CreateTestProbe();
        var a = Start(dest, new AtLeastOnceDeliveryOptions());
        a.Tell(new Del.Send("a"));
        dest.ExpectMsg(new Payload(1, "a"), Deadline);
        Advance(a, TimeSpan.FromSeconds(2.5));
        dest.ExpectNoMsg(Quiet);
        Advance(a, TimeSpan.FromSeconds(2.5));
        dest.ExpectMsg(new Payload(1, "a"), Deadline);
        Assert.Equal(Interval, new AtLeastOnceDeliveryOptions().RedeliverInterval);
    }

    [Fact]
    public void ConfirmDelivery_StopsRedeliveryAndReturnsFalseTheSecondTime()
    {
        var dest = CreateTestProbe();
        var a = Start(dest, new AtLeastOnceDeliveryOptions());
        a.Tell(new Del.Send("a"));
        dest.ExpectMsg(new Payload(1, "a"), Deadline);
        a.Tell(new Del.Confirm(1));
        ExpectMsg(true, Deadline);
        Advance(a, Interval * 3);
        dest.ExpectNoMsg(Quiet);
        a.Tell(new Del.Confirm(1));
        ExpectMsg(false, Deadline);
    }

    [Fact]
    public void Redelivery_AfterWarnAfterAttempts_TellsUnconfirmedWarning()
    {
        var dest = CreateTestProbe();
        var a = Start(dest, new AtLeastOnceDeliveryOptions { WarnAfterNumberOfUnconfirmedAttempts = 2 });
        a.Tell(new Del.Send("a"));
        dest.ExpectMsg(new Payload(1, "a"), Deadline);
        Advance(a, Interval);
        dest.ExpectMsg(new Payload(1, "a"), Deadline);
        ExpectNoMsg(Quiet);
        Advance(a, Interval);
        dest.ExpectMsg(new Payload(1, "a"), Deadline);
        var warning = ExpectMsg<UnconfirmedWarning>(Deadline);
        Assert.Equal(new UnconfirmedDelivery(1, dest.Ref.Path.ToString(), new Payload(1, "a")), Assert.Single(warning.UnconfirmedDeliveries));
    }

    [Fact]
    public void Redelivery_BurstLimit_RedeliversAtMostThatManyPerTick()
    {
        var dest = CreateTestProbe();
        var a = Start(dest, new AtLeastOnceDeliveryOptions { RedeliveryBurstLimit = 2 });
        a.Tell(new Del.Send("a"));
        a.Tell(new Del.Send("b"));
        a.Tell(new Del.Send("c"));
        dest.ReceiveN(3, Deadline);
        Advance(a, TimeSpan.FromSeconds(2.5));
        Advance(a, TimeSpan.FromSeconds(2.5));
        Assert.Equal([1L, 2], dest.ReceiveN(2, Deadline).Cast<Payload>().Select(p => p.DeliveryId));
        dest.ExpectNoMsg(Quiet);
        Advance(a, TimeSpan.FromSeconds(2.5));
        Assert.Equal(3, dest.ExpectMsg<Payload>(Deadline).DeliveryId);
    }

    [Fact]
    public void Deliver_BeyondMaxUnconfirmed_Throws()
    {
        var dest = CreateTestProbe();
        var a = Start(dest, new AtLeastOnceDeliveryOptions { MaxUnconfirmedMessages = 2 });
        a.Tell(new Del.DeliverUnpersisted("a"));
        a.Tell(new Del.DeliverUnpersisted("b"));
        a.Tell(new Del.DeliverUnpersisted("c"));
        ExpectMsg("delivered", Deadline);
        ExpectMsg("delivered", Deadline);
        ExpectMsg<MaxUnconfirmedMessagesExceededException>(Deadline);
        a.Tell(new Del.Count());
        ExpectMsg(2, Deadline);
    }

    [Fact]
    public void Recovery_ReplayedDeliveries_NotSentDuringRecoveryOnlyUnconfirmedAfter()
    {
        var dest = CreateTestProbe();
        var options = new AtLeastOnceDeliveryOptions();
        var a = Start(dest, options);
        a.Tell(new Del.Send("a"));
        a.Tell(new Del.Send("b"));
        dest.ReceiveN(2, Deadline);
        a.Tell(new Del.Confirm(1));
        ExpectMsg(true, Deadline);
        StopAndWait(a);

        _journal.HoldReplays();
        var b = Sys.ActorOf(DeliveryActor.PropsFor(Provider(options), "dlv", dest.Ref, TestActor));
        dest.ExpectNoMsg(Quiet);
        _journal.OpenReplays();
        ExpectMsg("recovered", Deadline);
        dest.ExpectMsg(new Payload(2, "b"), Deadline);
        dest.ExpectNoMsg(Quiet);
        b.Tell(new Del.Send("c"));
        dest.ExpectMsg(new Payload(3, "c"), Deadline);
    }

    [Fact]
    public void DeliverySnapshot_RestoredAfterRestart_RedeliversUnconfirmedAndContinuesIds()
    {
        // Restored deliveries are addressed by path, so the destination must be a real actor.
        var dest = CreateTestProbe();
        var forwarder = Sys.ActorOf(Props.Create(() => new Forwarder(dest.Ref)), "destination");
        var options = new AtLeastOnceDeliveryOptions();
        var a = Sys.ActorOf(DeliveryActor.PropsFor(Provider(options), "dlv", forwarder, TestActor));
        ExpectMsg("recovered", Deadline);
        a.Tell(new Del.Send("a"));
        a.Tell(new Del.Send("b"));
        dest.ReceiveN(2, Deadline);
        a.Tell(new Del.Confirm(1));
        ExpectMsg(true, Deadline);
        a.Tell(new Del.Snap());
        var saved = ExpectMsg<SaveSnapshotSuccess>(Deadline);
        Assert.Equal(3, saved.Metadata.SequenceNr);
        StopAndWait(a);

        // An empty journal: the delivery state can only come from the snapshot.
        var snapshotOnly = new PersistenceProvider(new MemoryJournal(), _snapshots, options);
        var b = Sys.ActorOf(DeliveryActor.PropsFor(snapshotOnly, "dlv", forwarder, TestActor));
        ExpectMsg("recovered", Deadline);
        dest.ExpectMsg(new Payload(2, "b"), Deadline);
        b.Tell(new Del.Count());
        ExpectMsg(1, Deadline);
        b.Tell(new Del.Send("c"));
        dest.ExpectMsg(new Payload(3, "c"), Deadline);
    }

    [Fact]
    public async Task DeliverySnapshot_InSqliteSnapshotStore_RoundTripsMessagesThroughTheRegistry()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var registry = new SerializerRegistry(json);
        json.Converters.Add(new UnconfirmedDeliveryJsonConverter(registry));
        registry.Register<AtLeastOnceDeliverySnapshot>("alo-delivery-snapshot.v1").Register<Payload>("payload.v1");
        using var db = new TempDatabase();
        using var store = new SqliteSnapshotStore(new SqliteSnapshotStoreOptions { ConnectionString = db.ConnectionString, AutoInitialize = true }, registry);
        var snapshot = new AtLeastOnceDeliverySnapshot(7, [new UnconfirmedDelivery(5, "akka://x/user/dest", new Payload(5, "e"))]);

        await store.SaveAsync(new SnapshotMetadata("dlv", 9), snapshot).WaitAsync(Deadline);
        var loaded = await store.LoadAsync("dlv", SnapshotSelectionCriteria.Latest).WaitAsync(Deadline);
        var restored = Assert.IsType<AtLeastOnceDeliverySnapshot>(loaded!.Snapshot);
        Assert.Equal(7, restored.CurrentDeliveryId);
        Assert.Equal(snapshot.UnconfirmedDeliveries[0], Assert.Single(restored.UnconfirmedDeliveries));

        var unknown = new AtLeastOnceDeliverySnapshot(1, [new UnconfirmedDelivery(1, "akka://x/user/dest", new MsgSent("not registered"))]);
        var failed = await Assert.ThrowsAnyAsync<Exception>(() => store.SaveAsync(new SnapshotMetadata("dlv", 10), unknown).WaitAsync(Deadline));
        Assert.Contains("MsgSent", failed.ToString(), StringComparison.Ordinal);
    }

    private PersistenceProvider Provider(AtLeastOnceDeliveryOptions options) => new(_journal, _snapshots, options);

    private IActorRef Start(TestProbe dest, AtLeastOnceDeliveryOptions options)
    {
        var a = Sys.ActorOf(DeliveryActor.PropsFor(Provider(options), "dlv", dest.Ref, TestActor));
        ExpectMsg("recovered", Deadline);
        return a;
    }

    /// <summary>Advances the clock, then waits until the actor processed the ticks that fired.</summary>
    private void Advance(IActorRef a, TimeSpan by)
    {
        _time.Advance(by);
        a.Tell(new Del.Count());
        ExpectMsg<int>(Deadline);
    }

    private void StopAndWait(IActorRef a)
    {
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a, Deadline);
        Unwatch(a);
    }

    private sealed class Forwarder : ReceiveActor
    {
        public Forwarder(IActorRef target) => ReceiveAny(m => target.Forward(m));
    }
}
