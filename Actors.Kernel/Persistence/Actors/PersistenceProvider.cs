using Actors.Kernel.Persistence.Delivery;
using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Snapshot;

namespace Actors.Kernel.Persistence.Actors;

/// <summary>
/// Where the persistent actors of one actor system find their journal and snapshot store (the
/// role of Akka's <c>Persistence.Instance.Apply(system)</c> extension). The kernel has no
/// extension registry and static state is banned, so the host builds one provider per actor
/// system at start-up and hands it to each persistent actor's constructor (usually captured by
/// the <c>Props</c> factory). The journal is called directly: it is thread-safe, and the SQLite
/// journal group-commits concurrent writes of all actors on its own writer thread.
/// </summary>
public sealed class PersistenceProvider
{
    public PersistenceProvider(
        IAsyncJournal journal,
        ISnapshotStore snapshotStore,
        AtLeastOnceDeliveryOptions? atLeastOnceDelivery = null,
        TimeSpan? recoveryEventTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(snapshotStore);
        var delivery = atLeastOnceDelivery ?? new AtLeastOnceDeliveryOptions();
        var errors = delivery.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid persistence settings: " + string.Join("; ", errors), nameof(atLeastOnceDelivery));
        }

        if (recoveryEventTimeout is { } t && t <= TimeSpan.Zero)
        {
            throw new ArgumentException(
                "Invalid persistence settings: akka.persistence.journal-plugin-fallback.recovery-event-timeout must be positive, was " + t,
                nameof(recoveryEventTimeout));
        }

        RecoveryEventTimeout = recoveryEventTimeout ?? TimeSpan.FromSeconds(30);
        Journal = journal;
        SnapshotStore = snapshotStore;
        AtLeastOnceDelivery = delivery;
    }

    /// <summary>The event journal (<c>akka.persistence.journal.plugin</c>).</summary>
    public IAsyncJournal Journal { get; }

    /// <summary>The snapshot store (<c>akka.persistence.snapshot-store.plugin</c>).</summary>
    public ISnapshotStore SnapshotStore { get; }

    /// <summary>
    /// <c>akka.persistence.journal-plugin-fallback.recovery-event-timeout</c> (default 30 s): recovery
    /// fails with <see cref="RecoveryTimedOutException"/> when no snapshot or event arrives for this long.
    /// </summary>
    public TimeSpan RecoveryEventTimeout { get; }

    /// <summary>Defaults of <c>akka.persistence.at-least-once-delivery</c>.</summary>
    public AtLeastOnceDeliveryOptions AtLeastOnceDelivery { get; }
}
