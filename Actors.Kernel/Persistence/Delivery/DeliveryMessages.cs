namespace Actors.Kernel.Persistence.Delivery;

/// <summary>
/// A message sent by <c>Deliver</c> and not yet confirmed. <see cref="Destination"/> is the
/// destination's actor path (as <c>ActorPath.ToString()</c>), so a snapshot can be stored and
/// the message redelivered after a restart.
/// </summary>
public sealed record UnconfirmedDelivery(long DeliveryId, string Destination, object Message);

/// <summary>
/// The delivery state to keep in a snapshot (<c>GetDeliverySnapshot</c> / <c>SetDeliverySnapshot</c>).
/// Persist it together with the actor's own state.
/// </summary>
public sealed record AtLeastOnceDeliverySnapshot(long CurrentDeliveryId, IReadOnlyList<UnconfirmedDelivery> UnconfirmedDeliveries);

/// <summary>
/// Told to self when messages have been redelivered
/// <c>warn-after-number-of-unconfirmed-attempts</c> times without confirmation.
/// </summary>
public sealed record UnconfirmedWarning(IReadOnlyList<UnconfirmedDelivery> UnconfirmedDeliveries);

/// <summary>The periodic redelivery check (not stashed).</summary>
internal sealed class RedeliveryTick
{
    private RedeliveryTick()
    {
    }

    public static RedeliveryTick Instance { get; } = new();
}
