using System.Collections.Immutable;

namespace Actors.Kernel.Persistence.Journal;

/// <summary>
/// One event as the journal sees it (Akka's <c>IPersistentRepresentation</c>, without a sender:
/// replies after recovery travel through the actor, never through a stored reference).
/// </summary>
public interface IPersistentRepresentation
{
    /// <summary>The event object (deserialized on replay).</summary>
    object Payload { get; }

    /// <summary>Position of the event in its persistence id's stream; starts at 1, no gaps.</summary>
    long SequenceNr { get; }

    /// <summary>The stream this event belongs to.</summary>
    string PersistenceId { get; }

    /// <summary>
    /// The serializer manifest (e.g. <c>pod-queued.v1</c>). Empty on write: the journal fills the
    /// stored manifest from the <see cref="Serialization.SerializerRegistry"/>; set on replay.
    /// </summary>
    string Manifest { get; }

    /// <summary>
    /// Identifies the actor incarnation that wrote the event. Not stored by the SQLite journal
    /// (Akka's table has no such column), so it is empty on replay from SQLite.
    /// </summary>
    string WriterGuid { get; }

    /// <summary>UTC ticks (<see cref="DateTime.Ticks"/>) of the write; 0 means "journal stamps it".</summary>
    long Timestamp { get; }

    /// <summary>Tags for tag queries; stored as <c>;tag1;tag2;</c> by the SQLite journal.</summary>
    ImmutableArray<string> Tags { get; }
}
