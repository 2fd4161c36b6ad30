using System.Text.Json.Nodes;

namespace Actors.Cloud.Kubernetes.Patch;

/// <summary>Builds an RFC 6902 operation list. Paths are built from segments and escaped (~0, ~1).</summary>
public sealed class JsonPatchBuilder
{
    private readonly JsonArray _operations = [];

    /// <summary>Escapes one path segment: "~" → "~0", "/" → "~1" (label keys such as "node-role.kubernetes.io/edge").</summary>
    public static string Pointer(params string[] segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return string.Concat(segments.Select(s => "/" + s.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
    }

    public JsonPatchBuilder Add(string path, JsonNode? value) => Op("add", path, value, hasValue: true);

    public JsonPatchBuilder Replace(string path, JsonNode? value) => Op("replace", path, value, hasValue: true);

    public JsonPatchBuilder Test(string path, JsonNode? value) => Op("test", path, value, hasValue: true);

    public JsonPatchBuilder Remove(string path) => Op("remove", path, null, hasValue: false);

    public JsonArray Build() => (JsonArray)_operations.DeepClone();

    private JsonPatchBuilder Op(string op, string path, JsonNode? value, bool hasValue)
    {
        var operation = new JsonObject { ["op"] = op, ["path"] = path };
        if (hasValue)
        {
            operation["value"] = value?.DeepClone();
        }
        _operations.Add(operation);
        return this;
    }
}
