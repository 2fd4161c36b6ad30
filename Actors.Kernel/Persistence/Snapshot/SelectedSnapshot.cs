namespace Actors.Kernel.Persistence.Snapshot;

/// <summary>A loaded snapshot: its metadata and the deserialized state object.</summary>
public sealed record SelectedSnapshot(SnapshotMetadata Metadata, object Snapshot);
