using Actors.Kernel.Actor;
using Actors.Kernel.Persistence.Actors;

namespace Actors.Kernel.Persistence.Delivery;

/// <summary>
/// A <see cref="ReceivePersistentActor"/> that sends messages at least once (Akka.NET's
/// <c>AtLeastOnceDeliveryReceiveActor</c>): <see cref="Deliver"/> sends and remembers a message
/// under a delivery id until <see cref="ConfirmDelivery"/>; unconfirmed messages are sent again
/// every <see cref="RedeliverInterval"/> (checked on the system scheduler, so a manual
/// TimeProvider drives it). Call Deliver and ConfirmDelivery from persist and recover handlers so
/// replay rebuilds the state; during recovery nothing is sent, and what is still unconfirmed is
/// sent when recovery completes. Keep <see cref="GetDeliverySnapshot"/> in snapshots.
/// </summary>
public abstract class AtLeastOnceDeliveryReceiveActor : ReceivePersistentActor
{
    private readonly SortedDictionary<long, Delivery> _unconfirmed = [];
    private ICancelable? _redeliverTask;
    private long _deliverySequenceNr;

    protected AtLeastOnceDeliveryReceiveActor(PersistenceProvider persistence)
        : base(persistence)
    {
    }

    /// <summary><c>redeliver-interval</c>.</summary>
    public virtual TimeSpan RedeliverInterval => Persistence.AtLeastOnceDelivery.RedeliverInterval;

    /// <summary><c>redelivery-burst-limit</c>.</summary>
    public virtual int RedeliveryBurstLimit => Persistence.AtLeastOnceDelivery.RedeliveryBurstLimit;

    /// <summary><c>warn-after-number-of-unconfirmed-attempts</c>.</summary>
    public virtual int WarnAfterNumberOfUnconfirmedAttempts => Persistence.AtLeastOnceDelivery.WarnAfterNumberOfUnconfirmedAttempts;

    /// <summary><c>max-unconfirmed-messages</c>.</summary>
    public virtual int MaxUnconfirmedMessages => Persistence.AtLeastOnceDelivery.MaxUnconfirmedMessages;

    /// <summary>Number of messages delivered and not yet confirmed.</summary>
    public int UnconfirmedCount => _unconfirmed.Count;

    /// <summary>
    /// Sends <c>deliveryMessageMapper(deliveryId)</c> to <paramref name="destination"/> (not during
    /// recovery) and keeps it for redelivery until confirmed.
    /// </summary>
    /// <exception cref="MaxUnconfirmedMessagesExceededException">Too many unconfirmed messages.</exception>
    public void Deliver(IActorRef destination, Func<long, object> deliveryMessageMapper)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(deliveryMessageMapper);
        if (_unconfirmed.Count >= MaxUnconfirmedMessages)
        {
            throw new MaxUnconfirmedMessagesExceededException(
                "Too many unconfirmed messages, maximum allowed is [" + MaxUnconfirmedMessages + "]");
        }

        var deliveryId = ++_deliverySequenceNr;
        var now = Now;
        var delivery = new Delivery(destination.Path.ToString(), destination, deliveryMessageMapper(deliveryId), now - RedeliverInterval, 0);
        if (IsRecovering)
        {
            _unconfirmed[deliveryId] = delivery; // sent when recovery completes
        }
        else
        {
            Send(deliveryId, delivery, now);
        }
    }

    /// <summary>Stops redelivering <paramref name="deliveryId"/>; false if it was not pending.</summary>
    public bool ConfirmDelivery(long deliveryId) => _unconfirmed.Remove(deliveryId);

    /// <summary>The delivery state for a snapshot.</summary>
    public AtLeastOnceDeliverySnapshot GetDeliverySnapshot() => new(
        _deliverySequenceNr,
        _unconfirmed.Select(kv => new UnconfirmedDelivery(kv.Key, kv.Value.Destination, kv.Value.Message)).ToList());

    /// <summary>Restores the delivery state (from a <see cref="SnapshotOffer"/>); restored messages are due at once.</summary>
    public void SetDeliverySnapshot(AtLeastOnceDeliverySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _deliverySequenceNr = snapshot.CurrentDeliveryId;
        _unconfirmed.Clear();
        var due = Now - RedeliverInterval;
        foreach (var u in snapshot.UnconfirmedDeliveries)
        {
            _unconfirmed[u.DeliveryId] = new Delivery(u.Destination, Context.System.ActorSelection(u.Destination), u.Message, due, 0);
        }
    }

    public override void AroundPreStart()
    {
        StartRedeliverTask();
        base.AroundPreStart();
    }

    public override void AroundPostRestart(Exception cause)
    {
        StartRedeliverTask();
        base.AroundPostRestart(cause);
    }

    public override void AroundPreRestart(Exception cause, object? message)
    {
        _redeliverTask?.Cancel();
        base.AroundPreRestart(cause, message);
    }

    public override void AroundPostStop()
    {
        _redeliverTask?.Cancel();
        base.AroundPostStop();
    }

    protected internal override bool AroundReceive(Receive receive, object message)
    {
        if (message is RedeliveryTick)
        {
            if (IsRecoveryFinished && !IsStopping)
            {
                RedeliverOverdue();
            }

            return true;
        }

        return base.AroundReceive(receive, message);
    }

    protected override void OnReplaySuccess()
    {
        RedeliverOverdue();
        base.OnReplaySuccess();
    }

    private DateTimeOffset Now => Context.System.TimeProvider.GetUtcNow();

    private void StartRedeliverTask()
    {
        var interval = TimeSpan.FromTicks(Math.Max(1, RedeliverInterval.Ticks / 2));
        _redeliverTask = Context.System.Scheduler.ScheduleTellRepeatedlyCancelable(interval, interval, Self, RedeliveryTick.Instance, Self);
    }

    private void RedeliverOverdue()
    {
        var now = Now;
        var deadline = now - RedeliverInterval;
        var overdue = _unconfirmed.Where(kv => kv.Value.Timestamp <= deadline).Take(RedeliveryBurstLimit).ToList();
        List<UnconfirmedDelivery>? warnings = null;
        foreach (var (id, delivery) in overdue)
        {
            Send(id, delivery, now);
            if (delivery.Attempt == WarnAfterNumberOfUnconfirmedAttempts)
            {
                (warnings ??= []).Add(new UnconfirmedDelivery(id, delivery.Destination, delivery.Message));
            }
        }

        if (warnings is not null)
        {
            Self.Tell(new UnconfirmedWarning(warnings), Self);
        }
    }

    private void Send(long deliveryId, Delivery delivery, DateTimeOffset now)
    {
        delivery.Target.Tell(delivery.Message, Self);
        _unconfirmed[deliveryId] = delivery with { Timestamp = now, Attempt = delivery.Attempt + 1 };
    }

    private sealed record Delivery(string Destination, ICanTell Target, object Message, DateTimeOffset Timestamp, int Attempt);
}
