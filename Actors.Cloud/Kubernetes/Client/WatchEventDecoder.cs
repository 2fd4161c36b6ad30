using System.Text.Json;
using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>Decodes one line of a watch stream ({"type":..., "object":...}). Pure; throws <see cref="WatchStreamException"/>.</summary>
public sealed class WatchEventDecoder<T>(ObjectCodec<T> codec)
    where T : class
{
    public WatchEvent<T> Decode(ReadOnlySpan<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("object", out var objectElement) || objectElement.ValueKind != JsonValueKind.Object)
            {
                throw new WatchStreamException($"watch event without a string \"type\" and an object \"object\": {Excerpt(line)}");
            }
            var type = typeElement.GetString()!;
            if (type == WatchEventType.Error)
            {
                var status = objectElement.Deserialize(KubernetesJsonContext.Default.Status);
                return new WatchEvent<T>(type, null, status, null);
            }
            if (type is not (WatchEventType.Added or WatchEventType.Modified or WatchEventType.Deleted or WatchEventType.Bookmark))
            {
                throw new WatchStreamException($"unknown watch event type \"{type}\"");
            }
            var value = codec.Deserialize(objectElement);
            return new WatchEvent<T>(type, value, null, codec.Identify(value).ResourceVersion);
        }
        catch (JsonException ex)
        {
            throw new WatchStreamException($"malformed {codec.Kind} watch event ({ex.Message}): {Excerpt(line)}", ex);
        }
    }

    private static string Excerpt(ReadOnlySpan<byte> line)
    {
        const int max = 200;
        var text = System.Text.Encoding.UTF8.GetString(line[..Math.Min(line.Length, max)]);
        return line.Length > max ? text + "..." : text;
    }
}
