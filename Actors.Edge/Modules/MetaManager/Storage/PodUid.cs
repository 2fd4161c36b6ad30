using System.Text.Json;
using Actors.Edge.Modules.MetaManager.Storage.Models;

namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>Reads <c>metadata.uid</c> of a stored pod; a pod row that cannot be read is corrupted.</summary>
internal static class PodUid
{
    public static bool Matches(string table, MetaRecord row, string uid)
    {
        if (MetaRowRules.RowProblem(row.Key, row.Type, row.Value) is { } problem)
        {
            throw new MetaStoreCorruptionException(table, row.Key, problem);
        }

        using var doc = JsonDocument.Parse(row.Value);
        return doc.RootElement.ValueKind == JsonValueKind.Object
            && doc.RootElement.TryGetProperty("metadata", out var metadata)
            && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("uid", out var stored)
            && stored.ValueKind == JsonValueKind.String
            && stored.GetString() == uid;
    }
}
