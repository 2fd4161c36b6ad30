namespace Actors.Edge.Modules.MetaManager.Storage.Models;

/// <summary>One write of a batch (<see cref="IMetaStore.WriteBatchAsync"/>); the batch commits all or nothing.</summary>
public abstract record MetaWrite
{
    private protected MetaWrite()
    {
    }

    /// <summary>Insert or replace a <c>meta</c> row.</summary>
    public sealed record Upsert(MetaRecord Record) : MetaWrite;

    /// <summary>Delete a <c>meta</c> row (absent rows are not an error).</summary>
    public sealed record Delete(string Key) : MetaWrite;

    /// <summary>Insert or replace a <c>meta_v2</c> row.</summary>
    public sealed record UpsertV2(MetaV2Record Record) : MetaWrite;

    /// <summary>Delete a <c>meta_v2</c> row (absent rows are not an error).</summary>
    public sealed record DeleteV2(string Key) : MetaWrite;
}
