using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Snapshot;

namespace Actors.Kernel.Persistence.Actors;

/// <summary>
/// Replies of the journal and snapshot store to one incarnation of a persistent actor (told to
/// self). They are never stashed; replies to an older incarnation (before a restart) are dropped.
/// </summary>
internal interface IPersistenceProtocol
{
    object Incarnation { get; }
}

internal sealed record SnapshotLoaded(object Incarnation, SelectedSnapshot? Snapshot) : IPersistenceProtocol;

internal sealed record ReplayedEvent(object Incarnation, IPersistentRepresentation Event) : IPersistenceProtocol;

internal sealed record ReplaySucceeded(object Incarnation, long HighestSequenceNr) : IPersistenceProtocol;

internal sealed record RecoveryStepFailed(object Incarnation, Exception Cause) : IPersistenceProtocol;

internal sealed record WriteSucceeded(object Incarnation, object Payload, long SequenceNr) : IPersistenceProtocol;

internal sealed record WriteRejected(object Incarnation, object Payload, long SequenceNr, Exception Cause) : IPersistenceProtocol;

internal sealed record WriteFailed(object Incarnation, object Payload, long SequenceNr, Exception Cause) : IPersistenceProtocol;

internal sealed record DeferredReady(object Incarnation) : IPersistenceProtocol;

internal sealed record RecoveryTick(object Incarnation) : IPersistenceProtocol;
