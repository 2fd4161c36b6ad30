using System.Collections.Immutable;

namespace Actors.Kernel.Persistence.Journal;

/// <summary>The default <see cref="IPersistentRepresentation"/>: an immutable event envelope.</summary>
public sealed record Persistent(
    object Payload,
    long SequenceNr,
    string PersistenceId,
    string Manifest = "",
    string WriterGuid = "",
    long Timestamp = 0) : IPersistentRepresentation
{
    /// <inheritdoc />
    public ImmutableArray<string> Tags { get; init; } = ImmutableArray<string>.Empty;
}
