using Actors.Edge.Modules.MetaManager.Storage.Models;

namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>
/// MetaManager's object store: KubeEdge's <c>meta</c> table (edge resource key → object JSON) and the
/// <c>meta_v2</c> MetaServer cache. A store is owned by one actor: calls must not overlap (await each before the
/// next); it is not meant for concurrent use from two actors on one connection. Writes either commit or throw
/// (<see cref="MetaStoreWriteException"/>); bad input throws <see cref="ArgumentException"/>; a stored row that
/// cannot be read throws <see cref="MetaStoreCorruptionException"/> from single-row reads.
/// </summary>
public interface IMetaStore : IAsyncDisposable
{
    /// <summary>
    /// Inserts or replaces a row (always stored). Returns true when the row was absent, corrupted, or held a
    /// different object (see <see cref="MetaValueComparer"/>); false when only noise changed.
    /// </summary>
    Task<bool> UpsertAsync(MetaRecord record, CancellationToken cancellationToken = default);

    /// <summary>The row with this key, or null.</summary>
    Task<MetaRecord?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Rows of a type (and namespace, when given) in key order. Corrupted rows are not returned but listed in
    /// <see cref="MetaList{T}.Skipped"/> and logged; they stay stored, so nothing is lost.
    /// </summary>
    Task<MetaList<MetaRecord>> ListAsync(string type, string? ns = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes the row; true if it existed.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes pod <c>&lt;ns&gt;/pod/&lt;name&gt;</c> only when its stored <c>metadata.uid</c> equals
    /// <paramref name="uid"/>, together with its <c>&lt;ns&gt;/podpatch/&lt;name&gt;</c> row (as KubeEdge does).
    /// </summary>
    Task<PodDeleteResult> DeletePodAsync(string ns, string name, string uid, CancellationToken cancellationToken = default);

    /// <summary>Applies all writes in one transaction: all are stored or none (validation happens first).</summary>
    Task WriteBatchAsync(IReadOnlyList<MetaWrite> writes, CancellationToken cancellationToken = default);

    /// <summary>
    /// Group commit: applies the changes in order in one transaction, each with the semantics (and outcome) of its
    /// single-row method; all are stored or none. Validation happens first (<see cref="ArgumentException"/>).
    /// </summary>
    Task<IReadOnlyList<MetaChangeResult>> ApplyAsync(IReadOnlyList<MetaChange> changes, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a <c>meta_v2</c> row.</summary>
    Task UpsertV2Async(MetaV2Record record, CancellationToken cancellationToken = default);

    /// <summary>The <c>meta_v2</c> row with this key, or null.</summary>
    Task<MetaV2Record?> GetV2Async(string key, CancellationToken cancellationToken = default);

    /// <summary><c>meta_v2</c> rows of a group_version_resource (and namespace), in key order.</summary>
    Task<MetaList<MetaV2Record>> ListV2Async(string groupVersionResource, string? ns = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a <c>meta_v2</c> row; true if it existed.</summary>
    Task<bool> DeleteV2Async(string key, CancellationToken cancellationToken = default);
}
