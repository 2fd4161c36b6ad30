using System.Text.Json.Nodes;

namespace Actors.Cloud.ApiServer.OpenApi;

/// <summary>Tiny builders for OpenAPI v3 schema nodes.</summary>
public static class S
{
    public static JsonObject Str(string description) => new() { ["type"] = "string", ["description"] = description };

    public static JsonObject Int(string description) => new() { ["type"] = "integer", ["format"] = "int32", ["description"] = description };

    public static JsonObject Bool(string description) => new() { ["type"] = "boolean", ["description"] = description };

    public static JsonObject Time(string description) => new() { ["type"] = "string", ["format"] = "date-time", ["description"] = description };

    public static JsonObject IntOrString(string description) =>
        new() { ["x-kubernetes-int-or-string"] = true, ["description"] = description };

    public static JsonObject Map(string description) => new()
    {
        ["type"] = "object", ["description"] = description, ["additionalProperties"] = new JsonObject { ["type"] = "string" },
    };

    /// <summary>An object whose content is not described (kept as-is).</summary>
    public static JsonObject Any(string description) => new()
    {
        ["type"] = "object", ["description"] = description, ["x-kubernetes-preserve-unknown-fields"] = true,
    };

    public static JsonObject Arr(string description, JsonObject items) =>
        new() { ["type"] = "array", ["description"] = description, ["items"] = items };

    public static JsonObject StrList(string description) => Arr(description, new JsonObject { ["type"] = "string" });

    /// <summary>A list merged by <paramref name="key"/> in strategic merge patches.</summary>
    public static JsonObject Keyed(string description, string key, JsonObject items)
    {
        var a = Arr(description, items);
        a["x-kubernetes-patch-merge-key"] = key;
        a["x-kubernetes-patch-strategy"] = "merge";
        a["x-kubernetes-list-type"] = "map";
        a["x-kubernetes-list-map-keys"] = new JsonArray(key);
        return a;
    }

    public static JsonObject Obj(string description, params (string Name, JsonObject Schema)[] properties)
    {
        var props = new JsonObject();
        foreach (var (name, schema) in properties)
        {
            props[name] = schema;
        }

        return new JsonObject { ["type"] = "object", ["description"] = description, ["properties"] = props };
    }

    public static JsonObject Required(this JsonObject schema, params string[] names)
    {
        schema["required"] = new JsonArray(names.Select(n => (JsonNode)JsonValue.Create(n)).ToArray());
        return schema;
    }

    public static JsonObject Ref(string name, string description) => new()
    {
        ["description"] = description,
        ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/components/schemas/" + name }),
    };
}
