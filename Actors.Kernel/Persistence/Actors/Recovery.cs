using Actors.Kernel.Persistence.Snapshot;

namespace Actors.Kernel.Persistence.Actors;

/// <summary>
/// How a persistent actor recovers (Akka's <c>Recovery</c>): load the newest snapshot matching
/// <see cref="FromSnapshot"/>, then replay events after it up to <see cref="ToSequenceNr"/>, at
/// most <see cref="ReplayMax"/> of them. Sequence numbering always continues after the highest
/// stored number, whatever the recovery replays.
/// </summary>
public sealed record Recovery(
    SnapshotSelectionCriteria FromSnapshot,
    long ToSequenceNr = long.MaxValue,
    long ReplayMax = long.MaxValue)
{
    /// <summary>Latest snapshot, then every later event.</summary>
    public static Recovery Default { get; } = new(SnapshotSelectionCriteria.Latest);

    /// <summary>No snapshot and no events (the actor starts empty but keeps numbering).</summary>
    public static Recovery None { get; } = new(SnapshotSelectionCriteria.None, 0);
}
