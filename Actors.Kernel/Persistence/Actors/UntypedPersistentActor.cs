namespace Actors.Kernel.Persistence.Actors;

/// <summary>
/// A persistent actor with one method per phase (Akka.NET's <c>UntypedPersistentActor</c>):
/// <see cref="OnRecover"/> gets SnapshotOffer, replayed events and RecoveryCompleted;
/// <see cref="OnCommand"/> gets commands (call <c>Unhandled</c> yourself for unknown ones).
/// </summary>
public abstract class UntypedPersistentActor : Eventsourced
{
    protected UntypedPersistentActor(PersistenceProvider persistence)
        : base(persistence)
    {
    }

    protected abstract void OnCommand(object message);

    protected abstract void OnRecover(object message);

    protected sealed override bool ReceiveCommand(object message)
    {
        OnCommand(message);
        return true;
    }

    protected sealed override bool ReceiveRecover(object message)
    {
        OnRecover(message);
        return true;
    }
}
