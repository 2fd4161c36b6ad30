using Actors.Kernel.Actor;
using Actors.Kernel.Persistence.Actors;

namespace Actors.Kernel.Tests.Persistence.Actors;

public sealed record Added(string Value);

public sealed record RecorderSnapshot(string[] Values);

/// <summary>Commands of <see cref="RecorderActor"/>.</summary>
public static class Rec
{
    public sealed record Add(string Value);

    public sealed record AddAsync(string Value);

    public sealed record AddAll(string[] Values);

    public sealed record Defer(string Value);

    public sealed record Snap;

    public sealed record Delete(long ToSequenceNr);

    public sealed record Get;

    public sealed record Boom;

    public sealed record AddAfterAwait(string Value);

    public sealed record Unregistered(int Value);
}

/// <summary>What the recorder knows.</summary>
public sealed record RecorderState(string[] Values, long LastSequenceNr, long SnapshotSequenceNr);

/// <summary>Recovery report sent to the probe on RecoveryCompleted.</summary>
public sealed record Recovered(string[] Values, long LastSequenceNr);

/// <summary>Reply from a persist handler: value, LastSequenceNr inside the handler.</summary>
public sealed record Persisted(string Value, long SequenceNr);

/// <summary>
/// A persistent actor appending strings. Reports recovery, snapshot offers and journal replies to
/// <c>probe</c>; persist handlers reply to the command's sender.
/// </summary>
public sealed class RecorderActor : ReceivePersistentActor
{
    private readonly string _persistenceId;
    private readonly IActorRef _probe;
    private readonly Recovery _recovery;
    private List<string> _values = [];

    public RecorderActor(PersistenceProvider persistence, string persistenceId, IActorRef probe, Recovery? recovery = null)
        : base(persistence)
    {
        _persistenceId = persistenceId;
        _probe = probe;
        _recovery = recovery ?? Recovery.Default;

        Recover<SnapshotOffer>(o =>
        {
            _values = [.. ((RecorderSnapshot)o.Snapshot).Values];
            _probe.Tell("offer:" + o.Metadata.SequenceNr);
        });
        Recover<Added>(e => _values.Add(e.Value));
        Recover<RecoveryCompleted>(_ => _probe.Tell(new Recovered([.. _values], LastSequenceNr)));

        Command<Rec.Add>(c => Persist(new Added(c.Value), Apply));
        Command<Rec.AddAsync>(c => PersistAsync(new Added(c.Value), Apply));
        Command<Rec.AddAll>(c => PersistAll(c.Values.Select(v => new Added(v)), Apply));
        CommandAsync<Rec.AddAfterAwait>(async c =>
        {
            await Task.Yield();
            Persist(new Added(c.Value), Apply);
        });
        Command<Rec.Defer>(c => DeferAsync(c.Value, v => Sender.Tell("deferred:" + v)));
        Command<Rec.Unregistered>(c => Persist(c, _ => Sender.Tell("should-not-run")));
        Command<Rec.Snap>(_ => SaveSnapshot(new RecorderSnapshot([.. _values])));
        Command<Rec.Delete>(c => DeleteMessages(c.ToSequenceNr));
        Command<Rec.Get>(_ => Sender.Tell(new RecorderState([.. _values], LastSequenceNr, SnapshotSequenceNr)));
        Command<Rec.Boom>(_ => throw new InvalidOperationException("recorder boom"));
        Command<SaveSnapshotSuccess>(m => _probe.Tell(m));
        Command<SaveSnapshotFailure>(m => _probe.Tell(m));
        Command<DeleteMessagesSuccess>(m => _probe.Tell(m));
        Command<DeleteMessagesFailure>(m => _probe.Tell(m));
        Command<DeleteSnapshotsSuccess>(m => _probe.Tell(m));
        Command<string>(s => Sender.Tell("cmd:" + s));
    }

    public override string PersistenceId => _persistenceId;

    public override Recovery Recovery => _recovery;

    public static Props PropsFor(PersistenceProvider persistence, string persistenceId, IActorRef probe, Recovery? recovery = null) =>
        Props.Create(() => new RecorderActor(persistence, persistenceId, probe, recovery));

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistRejected(cause, @event, sequenceNr);
        _probe.Tell("rejected:" + sequenceNr);
    }

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        base.OnPersistFailure(cause, @event, sequenceNr);
        _probe.Tell("failed:" + sequenceNr);
    }

    private void Apply(Added e)
    {
        _values.Add(e.Value);
        Sender.Tell(new Persisted(e.Value, LastSequenceNr));
    }
}
