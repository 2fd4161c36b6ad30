namespace Actors.Edge.Modules.MetaManager.Storage.Models;

/// <summary>
/// The outcome of one <see cref="MetaChange"/>: <paramref name="Changed"/> as <see cref="IMetaStore.UpsertAsync"/>
/// returns it (for deletes: the row existed and was removed), <paramref name="PodResult"/> for pod deletes, and the
/// readable row that was there before (null when absent or corrupted).
/// </summary>
public sealed record MetaChangeResult(bool Changed, PodDeleteResult? PodResult, MetaRecord? Old);
