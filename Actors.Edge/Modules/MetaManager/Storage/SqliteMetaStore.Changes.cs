using Actors.Edge.Modules.MetaManager.Storage.Models;
using Microsoft.Data.Sqlite;

namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>Group commit: several single-row operations in one transaction.</summary>
public sealed partial class SqliteMetaStore
{
    public Task<IReadOnlyList<MetaChangeResult>> ApplyAsync(IReadOnlyList<MetaChange> changes, CancellationToken cancellationToken = default)
    {
        MetaChanges.Validate(changes, _options.MaxValueBytes);
        return WriteAsync($"group commit of {changes.Count} changes", tx =>
        {
            var results = new List<MetaChangeResult>(changes.Count);
            foreach (var change in changes)
            {
                results.Add(Apply(tx, change));
            }

            return (IReadOnlyList<MetaChangeResult>)results;
        }, cancellationToken);
    }

    private MetaChangeResult Apply(SqliteTransaction tx, MetaChange change)
    {
        switch (change)
        {
            case MetaChange.Upsert u:
            {
                var old = Readable(ReadRow(tx, u.Record.Key));
                UpsertRow(tx, u.Record);
                return new MetaChangeResult(old is null || !MetaValueComparer.SameObject(old.Value, u.Record.Value), null, old);
            }

            case MetaChange.Delete d:
            {
                var old = Readable(ReadRow(tx, d.Key));
                return new MetaChangeResult(DeleteRow(tx, "meta", d.Key), null, old);
            }

            case MetaChange.DeletePod p:
            {
                var row = ReadRow(tx, p.Key);
                if (row is null)
                {
                    return new MetaChangeResult(false, PodDeleteResult.NotFound, null);
                }

                if (!PodUid.Matches("meta", row, p.Uid))
                {
                    return new MetaChangeResult(false, PodDeleteResult.UidMismatch, Readable(row));
                }

                DeleteRow(tx, "meta", p.Key);
                DeleteRow(tx, "meta", $"{p.Namespace}/podpatch/{p.Name}");
                return new MetaChangeResult(true, PodDeleteResult.Deleted, Readable(row));
            }

            default:
                throw new ArgumentException("unknown change " + change.GetType().Name, nameof(change));
        }
    }

    private static MetaRecord? Readable(MetaRecord? row) =>
        row is not null && MetaRowRules.RowProblem(row.Key, row.Type, row.Value) is null ? row : null;
}
