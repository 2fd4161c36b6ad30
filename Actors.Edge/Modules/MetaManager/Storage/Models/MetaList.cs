namespace Actors.Edge.Modules.MetaManager.Storage.Models;

/// <summary>
/// A listing: the readable rows in key order, and the rows that were skipped because they are corrupted.
/// Skipped rows stay in the database untouched; the caller decides what to do about them.
/// </summary>
public sealed record MetaList<T>(IReadOnlyList<T> Records, IReadOnlyList<CorruptRow> Skipped);

/// <summary>A stored row that could not be read back (<paramref name="Table"/> <c>meta</c> or <c>meta_v2</c>).</summary>
public sealed record CorruptRow(string Table, string Key, string Reason);
