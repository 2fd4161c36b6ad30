using System.Text.Json.Nodes;

namespace Actors.Cloud.Kubernetes.Patch;

/// <summary>RFC 7386 helpers: compute the merge patch between two documents, and apply one.</summary>
public static class MergePatch
{
    /// <summary>
    /// The smallest merge patch turning <paramref name="original"/> into <paramref name="modified"/>:
    /// changed fields are set, removed fields are null, arrays are replaced whole.
    /// </summary>
    public static JsonObject CreateTwoWay(JsonObject original, JsonObject modified)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(modified);
        var patch = new JsonObject();
        foreach (var (name, value) in original)
        {
            if (!modified.ContainsKey(name))
            {
                patch[name] = null;
            }
        }
        foreach (var (name, value) in modified)
        {
            original.TryGetPropertyValue(name, out var before);
            if (before is JsonObject beforeObject && value is JsonObject afterObject)
            {
                var nested = CreateTwoWay(beforeObject, afterObject);
                if (nested.Count > 0)
                {
                    patch[name] = nested;
                }
            }
            else if (!JsonNode.DeepEquals(before, value) || !original.ContainsKey(name))
            {
                patch[name] = value?.DeepClone();
            }
        }
        return patch;
    }

    /// <summary>Applies a merge patch to a copy of <paramref name="target"/> (what the server does).</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
                continue;
            }
            result.TryGetPropertyValue(name, out var current);
            var merged = Apply(current, value);
            result[name] = merged;
        }
        return result;
    }
}
