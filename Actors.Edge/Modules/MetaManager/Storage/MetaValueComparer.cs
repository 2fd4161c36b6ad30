using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Edge.Modules.MetaManager.Storage;

/// <summary>
/// Decides whether an update changes an object. Decision: two values are the same object when their JSON is
/// equal after ignoring formatting and object-member order, and after dropping <c>metadata.resourceVersion</c> and
/// <c>metadata.managedFields</c> (bookkeeping the API server changes without changing the object). KubeEdge
/// itself short-circuited identical podstatus rows (≤ v1.12) by comparing bytes; comparing the parsed form is
/// stricter about noise and never calls two different objects equal.
/// </summary>
internal static class MetaValueComparer
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> describe the same object.</summary>
    public static bool SameObject(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return true;
        }

        var left = Normalise(a);
        var right = Normalise(b);
        return left is not null && right is not null && JsonNode.DeepEquals(left, right);
    }

    private static JsonNode? Normalise(string value)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(value);
        }
        catch (JsonException)
        {
            return null;
        }

        if (node is JsonObject obj && obj["metadata"] is JsonObject metadata)
        {
            metadata.Remove("resourceVersion");
            metadata.Remove("managedFields");
        }

        return node;
    }
}
