using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>Codec for untyped objects (any CRD, any field) as <see cref="JsonObject"/>.</summary>
public sealed class JsonObjectCodec : ObjectCodec<JsonObject>
{
    public JsonObjectCodec(string kind)
    {
        Kind = kind;
    }

    public override string Kind { get; }

    public override byte[] Serialize(JsonObject value) => JsonSerializer.SerializeToUtf8Bytes(value, JsonContext.Default.JsonObject);

    public override JsonObject Deserialize(ReadOnlySpan<byte> utf8Json)
        => JsonNode.Parse(utf8Json) as JsonObject ?? throw new JsonException($"{Kind}: the body is not a JSON object");

    public override JsonObject Deserialize(JsonElement element)
        => JsonObject.Create(element) ?? throw new JsonException($"{Kind}: the object is not a JSON object");

    public override ObjectList<JsonObject> DeserializeList(ReadOnlySpan<byte> utf8Json)
    {
        var root = Deserialize(utf8Json);
        var items = new List<JsonObject>();
        if (root["items"] is JsonArray array)
        {
            foreach (var node in array)
            {
                items.Add(node as JsonObject ?? throw new JsonException($"{Kind}List: an item is not a JSON object"));
            }
        }
        var meta = root["metadata"] as JsonObject;
        return new ObjectList<JsonObject>(
            items,
            Text(meta, "resourceVersion"),
            Text(meta, "continue"),
            meta?["remainingItemCount"]?.GetValue<long>());
    }

    public override ObjectIdentity Identify(JsonObject value)
    {
        var meta = value["metadata"] as JsonObject;
        return new ObjectIdentity(Text(meta, "namespace"), Text(meta, "name"), Text(meta, "resourceVersion"), Text(meta, "uid"));
    }

    private static string? Text(JsonObject? node, string name)
        => node?[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
