using System.Text;
using System.Text.Json;
using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>
/// Decodes one line of a watch stream ({"type":..., "object":...}) in a single pass: the "object"
/// bytes are handed to the codec as they are. Pure; any defect throws <see cref="WatchStreamException"/>.
/// </summary>
public sealed class WatchEventDecoder<T>(ObjectCodec<T> codec)
    where T : class
{
    public WatchEvent<T> Decode(ReadOnlySpan<byte> line)
    {
        try
        {
            var type = Split(line, out var objectRange);
            var objectJson = line[objectRange];
            if (type == WatchEventType.Error)
            {
                var status = JsonSerializer.Deserialize(objectJson, KubernetesJsonContext.Default.Status);
                return new WatchEvent<T>(type, null, status, null);
            }
            if (type is not (WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted or WatchEventType.Bookmark))
            {
                throw new WatchStreamException($"unknown watch event type \"{type}\"");
            }
            var value = codec.Deserialize(objectJson);
            return new WatchEvent<T>(type, value, null, codec.Identify(value).ResourceVersion);
        }
        catch (JsonException ex)
        {
            throw new WatchStreamException($"malformed {codec.Kind} watch event ({ex.Message}): {Excerpt(line)}", ex);
        }
    }

    private static string Split(ReadOnlySpan<byte> line, out Range objectRange)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new WatchStreamException($"a watch event must be a JSON object: {Excerpt(line)}");
        }
        string? type = null;
        objectRange = default;
        var found = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            var isObject = reader.ValueTextEquals("object"u8);
            reader.Read();
            if (isType && reader.TokenType == JsonTokenType.String)
            {
                type = reader.GetString();
            }
            else if (isObject && reader.TokenType == JsonTokenType.StartObject)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                objectRange = start..(int)reader.BytesConsumed;
                found = true;
            }
            else
            {
                reader.Skip();
            }
        }
        if (reader.Read())
        {
            throw new WatchStreamException($"unexpected data after a watch event: {Excerpt(line)}");
        }
        if (type is null || !found)
        {
            throw new WatchStreamException($"watch event without a string \"type\" and an object \"object\": {Excerpt(line)}");
        }
        return type;
    }

    private static string Excerpt(ReadOnlySpan<byte> line)
    {
        const int max = 200;
        var text = Encoding.UTF8.GetString(line[..Math.Min(line.Length, max)]);
        return line.Length > max ? text + "..." : text;
    }
}
