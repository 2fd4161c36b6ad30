using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Modules.MetaManager.Storage.Models;

namespace Actors.Edge.Tests.MetaManager.Module;

/// <summary>A real store whose first <see cref="FailingUpserts"/> upserts fail as a write that exhausted its retries.</summary>
internal sealed class FailingStore(IMetaStore inner) : IMetaStore
{
    private int _failing;

    public int FailingUpserts
    {
        get => Volatile.Read(ref _failing);
        set => Volatile.Write(ref _failing, value);
    }

    public Task<bool> UpsertAsync(MetaRecord record, CancellationToken cancellationToken = default) =>
        Interlocked.Decrement(ref _failing) >= 0
            ? throw new MetaStoreWriteException("injected: disk I/O error", 5, new IOException("injected"))
            : inner.UpsertAsync(record, cancellationToken);

    public Task<MetaRecord?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

    public Task<MetaList<MetaRecord>> ListAsync(string type, string? ns = null, CancellationToken cancellationToken = default) =>
        inner.ListAsync(type, ns, cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

    public Task<PodDeleteResult> DeletePodAsync(string ns, string name, string uid, CancellationToken cancellationToken = default) =>
        inner.DeletePodAsync(ns, name, uid, cancellationToken);

    public Task WriteBatchAsync(IReadOnlyList<MetaWrite> writes, CancellationToken cancellationToken = default) => inner.WriteBatchAsync(writes, cancellationToken);

    /// <summary>A group commit with an upsert consumes one injected failure (the whole group fails, as a transaction would).</summary>
    public Task<IReadOnlyList<MetaChangeResult>> ApplyAsync(IReadOnlyList<MetaChange> changes, CancellationToken cancellationToken = default) =>
        changes.Any(c => c is MetaChange.Upsert) && Interlocked.Decrement(ref _failing) >= 0
            ? throw new MetaStoreWriteException("injected: disk I/O error", 5, new IOException("injected"))
            : inner.ApplyAsync(changes, cancellationToken);

    public Task UpsertV2Async(MetaV2Record record, CancellationToken cancellationToken = default) => inner.UpsertV2Async(record, cancellationToken);

    public Task<MetaV2Record?> GetV2Async(string key, CancellationToken cancellationToken = default) => inner.GetV2Async(key, cancellationToken);

    public Task<MetaList<MetaV2Record>> ListV2Async(string groupVersionResource, string? ns = null, CancellationToken cancellationToken = default) =>
        inner.ListV2Async(groupVersionResource, ns, cancellationToken);

    public Task<bool> DeleteV2Async(string key, CancellationToken cancellationToken = default) => inner.DeleteV2Async(key, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
