using Actors.Kernel.Actor;
using Actors.Kernel.Persistence.Actors;
using Actors.Kernel.Persistence.Delivery;

namespace Actors.Kernel.Tests.Persistence.Actors;

public sealed record MsgSent(string Text);

public sealed record MsgConfirmed(long DeliveryId);

/// <summary>What the destination receives.</summary>
public sealed record Payload(long DeliveryId, string Text);

/// <summary>Commands of <see cref="DeliveryActor"/>.</summary>
public static class Del
{
    public sealed record Send(string Text);

    public sealed record Confirm(long DeliveryId);

    public sealed record DeliverUnpersisted(string Text);

    public sealed record Snap;

    public sealed record Count;
}

/// <summary>An at-least-once sender: persists MsgSent/MsgConfirmed and rebuilds delivery state on replay.</summary>
public sealed class DeliveryActor : AtLeastOnceDeliveryReceiveActor
{
    private readonly string _persistenceId;

    public DeliveryActor(PersistenceProvider persistence, string persistenceId, IActorRef destination, IActorRef probe)
        : base(persistence)
    {
        _persistenceId = persistenceId;
        Recover<SnapshotOffer>(o => SetDeliverySnapshot((AtLeastOnceDeliverySnapshot)o.Snapshot));
        Recover<MsgSent>(e => Deliver(destination, id => new Payload(id, e.Text)));
        Recover<MsgConfirmed>(e => ConfirmDelivery(e.DeliveryId));
        Recover<RecoveryCompleted>(_ => probe.Tell("recovered"));

        Command<Del.Send>(c => Persist(new MsgSent(c.Text), e => Deliver(destination, id => new Payload(id, e.Text))));
        Command<Del.Confirm>(c => Persist(new MsgConfirmed(c.DeliveryId), e => Sender.Tell(ConfirmDelivery(e.DeliveryId))));
        Command<Del.DeliverUnpersisted>(c =>
        {
            try
            {
                Deliver(destination, id => new Payload(id, c.Text));
                Sender.Tell("delivered");
            }
            catch (MaxUnconfirmedMessagesExceededException ex)
            {
                Sender.Tell(ex);
            }
        });
        Command<Del.Snap>(_ => SaveSnapshot(GetDeliverySnapshot()));
        Command<SaveSnapshotSuccess>(m => probe.Tell(m));
        Command<Del.Count>(_ => Sender.Tell(UnconfirmedCount));
        Command<UnconfirmedWarning>(w => probe.Tell(w));
    }

    public override string PersistenceId => _persistenceId;

    public static Props PropsFor(PersistenceProvider persistence, string persistenceId, IActorRef destination, IActorRef probe) =>
        Props.Create(() => new DeliveryActor(persistence, persistenceId, destination, probe));
}
