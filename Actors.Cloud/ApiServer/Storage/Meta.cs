using System.Globalization;
using System.Text.Json.Nodes;

namespace Actors.Cloud.ApiServer.Storage;

/// <summary>Read/write helpers for the metadata of objects held as JSON.</summary>
public static class Meta
{
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject m)
        {
            return m;
        }

        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string Name(JsonObject obj) => Str(obj["metadata"]?["name"]) ?? string.Empty;

    public static string Namespace(JsonObject obj) => Str(obj["metadata"]?["namespace"]) ?? string.Empty;

    public static long ResourceVersion(JsonObject obj) =>
        long.TryParse(Str(obj["metadata"]?["resourceVersion"]), NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv : 0;

    public static string? Str(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj) => StringMap(obj["metadata"]?["labels"]);

    public static IReadOnlyDictionary<string, string> StringMap(JsonNode? node)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is JsonObject o)
        {
            foreach (var (k, v) in o)
            {
                map[k] = Str(v) ?? v?.ToJsonString() ?? string.Empty;
            }
        }

        return map;
    }

    public static IReadOnlyList<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray a ? a.Select(Str).OfType<string>().ToList() : [];

    public static bool IsDeleting(JsonObject obj) => obj["metadata"]?["deletionTimestamp"] is not null;

    /// <summary>
    /// Whether an update of a deleting object ends its deletion: no finalizer left and no grace period still running
    /// (a pod deleted gracefully keeps <c>deletionGracePeriodSeconds</c> &gt; 0 until its node agent deletes it with 0).
    /// </summary>
    public static bool DeletionDue(JsonObject obj) =>
        IsDeleting(obj) && Finalizers(obj).Count == 0
        && (obj["metadata"]?["deletionGracePeriodSeconds"] is not JsonValue grace || !grace.TryGetValue<long>(out var seconds) || seconds == 0);

    /// <summary>Follows a dotted path ("spec.nodeName", "metadata.labels.app") to a node, or null.</summary>
    public static JsonNode? Path(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(part, out node))
            {
                return null;
            }
        }

        return node;
    }

    /// <summary>The text form of a scalar (strings unquoted), or null for absent/complex values.</summary>
    public static string? ScalarText(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    public static string Timestamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseTimestamp(JsonNode? node) =>
        Str(node) is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
