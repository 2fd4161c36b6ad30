namespace Actors.Cloud.ApiServer.Storage;

/// <summary>A watch asked for changes older than the retained event window.</summary>
public sealed class RevisionCompactedException(long requested, long compacted)
    : Exception($"too old resource version: {requested} ({compacted})")
{
    public long Requested { get; } = requested;

    public long Compacted { get; } = compacted;
}
