using System.Text.Json.Nodes;

namespace Actors.Cloud.ApiServer.Patch;

/// <summary>
/// Strategic merge patch for built-in types: like a merge patch, but lists with a merge key (<see cref="MergeKeys"/>)
/// merge element-wise by that key; directives <c>$patch: replace|delete|merge</c>, <c>$deleteFromPrimitiveList/field</c>
/// are honoured, <c>$setElementOrder/field</c> and <c>$retainKeys</c> are accepted and ignored.
/// </summary>
public static class StrategicMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch) => Merge(target, patch, string.Empty);

    private static JsonNode? Merge(JsonNode? target, JsonNode? patch, string path)
    {
        if (patch is not JsonObject p)
        {
            return patch?.DeepClone();
        }

        var directive = p["$patch"]?.GetValue<string>();
        if (directive == "replace")
        {
            var replaced = (JsonObject)p.DeepClone();
            replaced.Remove("$patch");
            return replaced;
        }

        var result = target is JsonObject t ? (JsonObject)t.DeepClone() : new JsonObject();
        foreach (var (key, value) in p)
        {
            if (key.StartsWith("$setElementOrder/", StringComparison.Ordinal) || key is "$patch" or "$retainKeys")
            {
                continue;
            }

            if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                var field = key["$deleteFromPrimitiveList/".Length..];
                if (result[field] is JsonArray list && value is JsonArray remove)
                {
                    result[field] = new JsonArray(list.Where(i => !remove.Any(r => JsonNode.DeepEquals(r, i))).Select(i => i?.DeepClone()).ToArray());
                }

                continue;
            }

            var childPath = path.Length == 0 ? key : path + "." + key;
            if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonArray arr)
            {
                result[key] = MergeList(result[key] as JsonArray, arr, key, path);
            }
            else
            {
                result[key] = Merge(result[key], value, childPath);
            }
        }

        return result;
    }

    private static JsonArray MergeList(JsonArray? target, JsonArray patch, string field, string parentPath)
    {
        var mergeKey = MergeKeys.For(field, parentPath);
        if (mergeKey is null)
        {
            if (MergeKeys.MergesScalars(field) && target is not null)
            {
                var union = target.Select(i => i?.DeepClone()).ToList();
                union.AddRange(patch.Where(i => !union.Any(u => JsonNode.DeepEquals(u, i))).Select(i => i?.DeepClone()));
                return new JsonArray(union.ToArray());
            }

            return (JsonArray)patch.DeepClone();
        }

        if (patch.OfType<JsonObject>().Any(i => i["$patch"]?.GetValue<string>() == "replace"))
        {
            return new JsonArray(patch.OfType<JsonObject>().Where(i => i["$patch"] is null).Select(i => (JsonNode)i.DeepClone()).ToArray());
        }

        var result = target?.Select(i => i?.DeepClone()).ToList() ?? [];
        var childPath = (parentPath.Length == 0 ? string.Empty : parentPath + ".") + field;
        foreach (var item in patch)
        {
            if (item is not JsonObject patchItem)
            {
                result.Add(item?.DeepClone());
                continue;
            }

            var keyValue = patchItem[mergeKey];
            var index = result.FindIndex(e => e is JsonObject o && JsonNode.DeepEquals(o[mergeKey], keyValue));
            if (patchItem["$patch"]?.GetValue<string>() == "delete")
            {
                if (index >= 0)
                {
                    result.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                result[index] = Merge(result[index], patchItem, childPath);
            }
            else
            {
                result.Add(Merge(null, patchItem, childPath));
            }
        }

        return new JsonArray(result.ToArray());
    }
}
