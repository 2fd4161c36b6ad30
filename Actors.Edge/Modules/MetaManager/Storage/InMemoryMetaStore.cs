using Actors.Edge.Modules.MetaManager.Storage.Models;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>
/// <see cref="IMetaStore"/> in memory, with the same validation, change detection, ordering and corruption
/// reporting as <see cref="SqliteMetaStore"/>; for unit tests of the MetaManager actor. Not thread-safe: owned by
/// one actor like every store.
/// </summary>
public sealed class InMemoryMetaStore(MetaStoreOptions options, ILogger<InMemoryMetaStore> logger) : IMetaStore
{
    private readonly SortedDictionary<string, (string? Type, string? Value)> _meta = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, MetaV2Record> _metaV2 = new(StringComparer.Ordinal);
    private readonly MetaStoreOptions _options = Validated(options);

    public Task<bool> UpsertAsync(MetaRecord record, CancellationToken cancellationToken = default)
    {
        MetaRowRules.Check(record, _options.MaxValueBytes);
        var changed = !_meta.TryGetValue(record.Key, out var old)
            || MetaRowRules.RowProblem(record.Key, old.Type, old.Value) is not null
            || !MetaValueComparer.SameObject(old.Value!, record.Value);
        _meta[record.Key] = (record.Type, record.Value);
        return Task.FromResult(changed);
    }

    public Task<MetaRecord?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        MetaRowRules.CheckKey(key);
        if (!_meta.TryGetValue(key, out var row))
        {
            return Task.FromResult<MetaRecord?>(null);
        }

        return MetaRowRules.RowProblem(key, row.Type, row.Value) is { } problem
            ? throw new MetaStoreCorruptionException("meta", key, problem)
            : Task.FromResult<MetaRecord?>(new MetaRecord(key, row.Type!, row.Value!));
    }

    public Task<MetaList<MetaRecord>> ListAsync(string type, string? ns = null, CancellationToken cancellationToken = default)
    {
        MetaRowRules.CheckType(type);
        var (good, bad) = (new List<MetaRecord>(), new List<CorruptRow>());
        foreach (var (key, row) in _meta)
        {
            if (row.Type != type || (ns is not null && !key.StartsWith(ns + "/", StringComparison.Ordinal)))
            {
                continue;
            }

            if (MetaRowRules.RowProblem(key, row.Type, row.Value) is { } problem)
            {
                bad.Add(new CorruptRow("meta", key, problem));
                logger.LogWarning("Skipped corrupted meta row {Key} while listing: {Problem}", key, problem);
            }
            else
            {
                good.Add(new MetaRecord(key, type, row.Value!));
            }
        }

        return Task.FromResult(new MetaList<MetaRecord>(good, bad));
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        MetaRowRules.CheckKey(key);
        return Task.FromResult(_meta.Remove(key));
    }

    public Task<PodDeleteResult> DeletePodAsync(string ns, string name, string uid, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(uid);
        var key = $"{ns}/pod/{name}";
        MetaRowRules.CheckKey(key, nameof(name));
        if (!_meta.TryGetValue(key, out var row))
        {
            return Task.FromResult(PodDeleteResult.NotFound);
        }

        if (!PodUid.Matches("meta", new MetaRecord(key, row.Type!, row.Value!), uid))
        {
            return Task.FromResult(PodDeleteResult.UidMismatch);
        }

        _meta.Remove(key);
        _meta.Remove($"{ns}/podpatch/{name}");
        return Task.FromResult(PodDeleteResult.Deleted);
    }

    public async Task<IReadOnlyList<MetaChangeResult>> ApplyAsync(IReadOnlyList<MetaChange> changes, CancellationToken cancellationToken = default)
    {
        MetaChanges.Validate(changes, _options.MaxValueBytes);
        var results = new List<MetaChangeResult>(changes.Count);
        foreach (var change in changes)
        {
            var key = change switch { MetaChange.Upsert u => u.Record.Key, MetaChange.Delete d => d.Key, MetaChange.DeletePod p => p.Key, _ => string.Empty };
            var old = _meta.TryGetValue(key, out var row) && MetaRowRules.RowProblem(key, row.Type, row.Value) is null
                ? new MetaRecord(key, row.Type!, row.Value!) : null;
            results.Add(change switch
            {
                MetaChange.Upsert u => new MetaChangeResult(await UpsertAsync(u.Record, cancellationToken), null, old),
                MetaChange.Delete d => new MetaChangeResult(await DeleteAsync(d.Key, cancellationToken), null, old),
                MetaChange.DeletePod p => await DeletePodResultAsync(p, old, cancellationToken),
                _ => throw new ArgumentException("unknown change", nameof(changes)),
            });
        }

        return results;
    }

    private async Task<MetaChangeResult> DeletePodResultAsync(MetaChange.DeletePod p, MetaRecord? old, CancellationToken cancellationToken)
    {
        var result = await DeletePodAsync(p.Namespace, p.Name, p.Uid, cancellationToken);
        return new MetaChangeResult(result == PodDeleteResult.Deleted, result, old);
    }

    public Task WriteBatchAsync(IReadOnlyList<MetaWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        for (var i = 0; i < writes.Count; i++)
        {
            MetaRowRules.Check(writes[i], i, _options.MaxValueBytes);
        }

        foreach (var write in writes)
        {
            switch (write)
            {
                case MetaWrite.Upsert u: _meta[u.Record.Key] = (u.Record.Type, u.Record.Value); break;
                case MetaWrite.Delete d: _meta.Remove(d.Key); break;
                case MetaWrite.UpsertV2 u2: _metaV2[u2.Record.Key] = u2.Record; break;
                case MetaWrite.DeleteV2 d2: _metaV2.Remove(d2.Key); break;
            }
        }

        return Task.CompletedTask;
    }

    public Task UpsertV2Async(MetaV2Record record, CancellationToken cancellationToken = default)
    {
        MetaRowRules.Check(record, _options.MaxValueBytes);
        _metaV2[record.Key] = record;
        return Task.CompletedTask;
    }

    public Task<MetaV2Record?> GetV2Async(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Task.FromResult(_metaV2.GetValueOrDefault(key));
    }

    public Task<MetaList<MetaV2Record>> ListV2Async(string groupVersionResource, string? ns = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(groupVersionResource);
        var rows = _metaV2.Values
            .Where(r => r.GroupVersionResource == groupVersionResource && (ns is null || r.Namespace == ns))
            .ToList();
        return Task.FromResult(new MetaList<MetaV2Record>(rows, []));
    }

    public Task<bool> DeleteV2Async(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return Task.FromResult(_metaV2.Remove(key));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Test hook: stores a row without any checks, as a damaged database file would hold it.</summary>
    internal void PutRaw(string key, string? type, string? value) => _meta[key] = (type, value);

    private static MetaStoreOptions Validated(MetaStoreOptions options)
    {
        options.Validate();
        return options;
    }
}
