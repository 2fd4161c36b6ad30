using System.Collections.Concurrent;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Modules.MetaManager.Storage.Models;

namespace Actors.Edge.Tests.MetaManager.Module;

/// <summary>
/// A real store whose writes wait while <see cref="Close"/>d (so tests can let cloud messages queue up behind a write
/// deterministically), recording the size of every group commit; <see cref="FailNextGroups"/> makes group commits fail
/// as a write that exhausted its retries.
/// </summary>
internal sealed class GatedStore(IMetaStore inner) : IMetaStore
{
    private TaskCompletionSource _open = Opened();
    private int _failGroups;

    public ConcurrentQueue<int> GroupSizes { get; } = new();

    /// <summary>Completes when a write is waiting at the closed gate.</summary>
    public TaskCompletionSource Waiting { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int FailNextGroups
    {
        get => Volatile.Read(ref _failGroups);
        set => Volatile.Write(ref _failGroups, value);
    }

    public void Close()
    {
        Waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Open() => _open.TrySetResult();

    public async Task<bool> UpsertAsync(MetaRecord record, CancellationToken cancellationToken = default)
    {
        await PassAsync();
        return await inner.UpsertAsync(record, cancellationToken);
    }

    public async Task<IReadOnlyList<MetaChangeResult>> ApplyAsync(IReadOnlyList<MetaChange> changes, CancellationToken cancellationToken = default)
    {
        await PassAsync();
        GroupSizes.Enqueue(changes.Count);
        return Interlocked.Decrement(ref _failGroups) >= 0
            ? throw new MetaStoreWriteException("injected: disk I/O error", 5, new IOException("injected"))
            : await inner.ApplyAsync(changes, cancellationToken);
    }

    public Task<MetaRecord?> GetAsync(string key, CancellationToken cancellationToken = default) => inner.GetAsync(key, cancellationToken);

    public Task<MetaList<MetaRecord>> ListAsync(string type, string? ns = null, CancellationToken cancellationToken = default) =>
        inner.ListAsync(type, ns, cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);

    public Task<PodDeleteResult> DeletePodAsync(string ns, string name, string uid, CancellationToken cancellationToken = default) =>
        inner.DeletePodAsync(ns, name, uid, cancellationToken);

    public Task WriteBatchAsync(IReadOnlyList<MetaWrite> writes, CancellationToken cancellationToken = default) => inner.WriteBatchAsync(writes, cancellationToken);

    public Task UpsertV2Async(MetaV2Record record, CancellationToken cancellationToken = default) => inner.UpsertV2Async(record, cancellationToken);

    public Task<MetaV2Record?> GetV2Async(string key, CancellationToken cancellationToken = default) => inner.GetV2Async(key, cancellationToken);

    public Task<MetaList<MetaV2Record>> ListV2Async(string groupVersionResource, string? ns = null, CancellationToken cancellationToken = default) =>
        inner.ListV2Async(groupVersionResource, ns, cancellationToken);

    public Task<bool> DeleteV2Async(string key, CancellationToken cancellationToken = default) => inner.DeleteV2Async(key, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task PassAsync()
    {
        var gate = _open.Task;
        if (!gate.IsCompleted)
        {
            Waiting.TrySetResult();
            await gate;
        }
    }
}
