using System.Text.Json.Nodes;

namespace Actors.Cloud.ApiServer.OpenApi;

/// <summary>
/// Encodes our Swagger 2.0 document as the gnostic <c>openapi.v2.Document</c> protobuf that kubectl asks for
/// (<c>application/com.github.proto-openapi.spec.v2@v1.0+protobuf</c>; kubectl 1.27 accepts nothing else).
/// Definitions (schemas with their vendor extensions) are encoded; paths are omitted (kubectl reads only models).
/// </summary>
public static class SwaggerProtobuf
{
    public const string MediaType = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";

    public static byte[] Encode(JsonObject swagger)
    {
        var w = new ProtoWriter();
        w.String(1, "2.0");
        w.Message(2, info =>
        {
            info.String(1, swagger["info"]?["title"]?.GetValue<string>() ?? "Kubernetes");
            info.String(2, swagger["info"]?["version"]?.GetValue<string>() ?? "v0");
        });
        w.Message(8, _ => { });
        w.Message(9, defs =>
        {
            foreach (var (name, schema) in swagger["definitions"] as JsonObject ?? [])
            {
                defs.Message(1, named => NamedSchema(named, name, schema as JsonObject));
            }
        });
        return w.ToArray();
    }

    private static void NamedSchema(ProtoWriter w, string name, JsonObject? schema)
    {
        w.String(1, name);
        w.Message(2, s => Schema(s, schema ?? []));
    }

    private static void Schema(ProtoWriter w, JsonObject schema)
    {
        w.String(1, Text(schema["$ref"]));
        w.String(2, Text(schema["format"]));
        w.String(3, Text(schema["title"]));
        w.String(4, Text(schema["description"]));
        w.Double(7, Number(schema["maximum"]));
        w.Double(9, Number(schema["minimum"]));
        w.Varint(11, (long)Number(schema["maxLength"]));
        w.Varint(12, (long)Number(schema["minLength"]));
        w.String(13, Text(schema["pattern"]));
        w.Varint(14, (long)Number(schema["maxItems"]));
        w.Varint(15, (long)Number(schema["minItems"]));
        foreach (var required in schema["required"] as JsonArray ?? [])
        {
            w.String(19, Text(required));
        }

        foreach (var value in schema["enum"] as JsonArray ?? [])
        {
            w.Message(20, any => any.String(2, value?.ToJsonString() ?? "null"));
        }

        switch (schema["additionalProperties"])
        {
            case JsonObject add: w.Message(21, item => item.Message(1, s => Schema(s, add))); break;
            case JsonValue b when b.TryGetValue<bool>(out var flag): w.Message(21, item => item.Bool(2, flag)); break;
        }

        if (Text(schema["type"]) is { } type)
        {
            w.Message(22, t => t.String(1, type));
        }

        if (schema["items"] is JsonObject items)
        {
            w.Message(23, i => i.Message(1, s => Schema(s, items)));
        }

        foreach (var part in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            w.Message(24, s => Schema(s, part));
        }

        if (schema["properties"] is JsonObject props)
        {
            w.Message(25, p =>
            {
                foreach (var (name, child) in props)
                {
                    p.Message(1, named => NamedSchema(named, name, child as JsonObject));
                }
            });
        }

        foreach (var (key, value) in schema.Where(kv => kv.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            w.Message(31, named =>
            {
                named.String(1, key);
                named.Message(2, any => any.String(2, value?.ToJsonString() ?? "null"));
            });
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static double Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : 0;
}
