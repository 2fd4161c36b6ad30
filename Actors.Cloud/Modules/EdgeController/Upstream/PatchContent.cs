using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Cloud.Kubernetes.Models;
using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.EdgeController.Upstream;

/// <summary>
/// Reads what the edge sends as a patch or object body (pure): a JSON object content as it is, a string content holding
/// JSON text, or a string holding base64 of JSON (a Go <c>[]byte</c> content). Anything else is a <see cref="FormatException"/>.
/// </summary>
public static class PatchContent
{
    public static byte[] Bytes(MessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Kind is ContentKind.Object or ContentKind.Array)
        {
            return content.Json.ToArray();
        }

        var text = content.AsString() ?? throw new FormatException("expected a JSON object or a string content, got " + content.Kind);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            return Encoding.UTF8.GetBytes(text);
        }

        if (content.TryGetBytes(out var decoded))
        {
            return decoded;
        }

        throw new FormatException("the content is neither JSON nor base64 of JSON");
    }

    /// <summary>The content as a JSON object.</summary>
    public static JsonObject Object(MessageContent content)
    {
        try
        {
            return JsonNode.Parse(Bytes(content)) as JsonObject ?? throw new FormatException("the content is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException("the content is not valid JSON: " + e.Message, e);
        }
    }

    /// <summary>
    /// The DeleteOptions an edge sends with a pod delete (grace period, UID/resourceVersion preconditions); null when
    /// the content is empty. Fields of the wrong type are a <see cref="FormatException"/>.
    /// </summary>
    public static DeleteOptions? DeleteOptions(MessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Kind == ContentKind.Null || (content.Kind == ContentKind.String && string.IsNullOrWhiteSpace(content.AsString())))
        {
            return null;
        }

        var value = Object(content);
        try
        {
            var preconditions = value["preconditions"] as JsonObject;
            return new DeleteOptions
            {
                GracePeriodSeconds = value["gracePeriodSeconds"]?.GetValue<long>(),
                Preconditions = preconditions is null ? null : new Preconditions
                {
                    Uid = preconditions["uid"]?.GetValue<string>(),
                    ResourceVersion = preconditions["resourceVersion"]?.GetValue<string>(),
                },
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new FormatException("the delete options are malformed: " + e.Message, e);
        }
    }

    /// <summary><c>{"status": …}</c> from an object that has a status; null when it has none.</summary>
    public static JsonObject? StatusPatch(JsonObject value) =>
        value["status"] is JsonObject status ? new JsonObject { ["status"] = status.DeepClone() } : null;
}
