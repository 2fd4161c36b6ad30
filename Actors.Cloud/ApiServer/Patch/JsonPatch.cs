using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Http;

namespace Actors.Cloud.ApiServer.Patch;

/// <summary>RFC 6902 JSON patch (add, remove, replace, move, copy, test) on a copy of the document.</summary>
public static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonNode? patch)
    {
        if (patch is not JsonArray ops)
        {
            throw ApiException.BadRequest("json patch must be an array of operations");
        }

        var doc = document.DeepClone();
        foreach (var opNode in ops)
        {
            if (opNode is not JsonObject op)
            {
                throw ApiException.BadRequest("json patch operation must be an object");
            }

            var name = Text(op, "op");
            var path = Text(op, "path");
            switch (name)
            {
                case "add": doc = Add(doc, path, Value(op)); break;
                case "remove": Remove(doc, path); break;
                case "replace": Remove(doc, path); doc = Add(doc, path, Value(op)); break;
                case "move":
                    var moved = Get(doc, Text(op, "from"));
                    Remove(doc, Text(op, "from"));
                    doc = Add(doc, path, moved);
                    break;
                case "copy": doc = Add(doc, path, Get(doc, Text(op, "from"))?.DeepClone()); break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(doc, path), op["value"]))
                    {
                        throw new ApiException(422, "Invalid", $"the server rejected our request due to an error in our request: testing value {path} failed");
                    }

                    break;
                default: throw ApiException.BadRequest($"unexpected json patch operation \"{name}\"");
            }
        }

        return doc;
    }

    private static string Text(JsonObject op, string field) =>
        op[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw ApiException.BadRequest($"json patch operation lacks \"{field}\"");

    private static JsonNode? Value(JsonObject op) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw ApiException.BadRequest("json patch operation lacks \"value\"");

    private static List<string> Tokens(string path)
    {
        if (path.Length == 0)
        {
            return [];
        }

        if (path[0] != '/')
        {
            throw ApiException.BadRequest($"invalid json pointer \"{path}\"");
        }

        return path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }

    private static JsonNode? Get(JsonNode doc, string path)
    {
        JsonNode? node = doc;
        foreach (var token in Tokens(path))
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) => child,
                JsonArray a when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => throw Missing(path),
            };
        }

        return node;
    }

    private static JsonNode Add(JsonNode doc, string path, JsonNode? value)
    {
        var tokens = Tokens(path);
        if (tokens.Count == 0)
        {
            return value ?? throw ApiException.BadRequest("cannot replace the document with null");
        }

        var parent = Get(doc, "/" + string.Join('/', tokens[..^1].Select(Escape)));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject o: o[last] = value; break;
            case JsonArray a when last == "-": a.Add(value); break;
            case JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= a.Count: a.Insert(i, value); break;
            default: throw Missing(path);
        }

        return doc;
    }

    private static void Remove(JsonNode doc, string path)
    {
        var tokens = Tokens(path);
        if (tokens.Count == 0)
        {
            throw ApiException.BadRequest("cannot remove the whole document");
        }

        var parent = Get(doc, "/" + string.Join('/', tokens[..^1].Select(Escape)));
        var last = tokens[^1];
        var removed = parent switch
        {
            JsonObject o => o.Remove(last),
            JsonArray a when int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => RemoveAt(a, i),
            _ => false,
        };
        if (!removed)
        {
            throw Missing(path);
        }
    }

    private static bool RemoveAt(JsonArray a, int i)
    {
        a.RemoveAt(i);
        return true;
    }

    private static string Escape(string t) => t.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static ApiException Missing(string path) =>
        new(422, "Invalid", $"the server rejected our request due to an error in our request: path {path} not found");
}
