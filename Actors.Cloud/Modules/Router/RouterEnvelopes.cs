using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.Router;

/// <summary>The router's envelopes to the edge (pure), in KubeEdge's shape: group <c>user</c>, no ACK.</summary>
public static class RouterEnvelopes
{
    /// <summary>REST → EventBus: the edge publishes <paramref name="body"/> on MQTT topic <paramref name="topic"/>.</summary>
    public static MessageEnvelope Publish(TimeProvider time, string node, string topic, string body) =>
        Build(time, ModuleNames.RouterEventBus, Operations.Publish, ResourcePaths.PrefixForCloud(node, topic), MessageContent.FromString(body));

    /// <summary>An eventbus-source rule: the edge subscribes to (or leaves) <c>&lt;ns&gt;/&lt;topic&gt;</c>.</summary>
    public static MessageEnvelope Subscription(TimeProvider time, string node, string topic, bool subscribe) =>
        Build(time, ModuleNames.RouterEventBus, subscribe ? Operations.Subscribe : Operations.Unsubscribe,
            ResourcePaths.PrefixForCloud(node, topic), MessageContent.FromString(string.Empty));

    /// <summary>
    /// REST → ServiceBus: operation = the HTTP method, resource <c>node/&lt;n&gt;/&lt;port&gt;:&lt;path&gt;</c>, content
    /// HTTPRequest <c>{header, body (base64), method, url}</c>.
    /// </summary>
    public static MessageEnvelope ServiceCall(
        TimeProvider time, string node, string port, string path, string method, string url, IEnumerable<KeyValuePair<string, string[]>> headers, byte[] body)
    {
        var header = new JsonObject();
        foreach (var (name, values) in headers)
        {
            header[name] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }

        var content = new JsonObject { ["header"] = header, ["body"] = Convert.ToBase64String(body), ["method"] = method, ["url"] = url };
        return Build(time, ModuleNames.RouterServiceBus, method, ResourcePaths.PrefixForCloud(node, port + ":" + path),
            MessageContent.FromJson(Encoding.UTF8.GetBytes(content.ToJsonString())));
    }

    /// <summary>
    /// The edge's answer to a service call: HTTPResponse <c>{header, status_code, body (base64)}</c>, or raw bytes.
    /// A content that is not an HTTPResponse is returned as a 200 body.
    /// </summary>
    public static (int Status, byte[] Body, string? ContentType) ServiceAnswer(MessageContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            var json = content.Kind == ContentKind.String ? JsonNode.Parse(content.AsString()!) : JsonNode.Parse(content.Json.Span);
            if (json is JsonObject o && o["status_code"] is JsonValue code)
            {
                var body = (string?)o["body"] is { } b ? Convert.FromBase64String(b) : [];
                var type = (o["header"]?["Content-Type"] as JsonArray)?.FirstOrDefault()?.GetValue<string>();
                return (code.GetValue<int>(), body, type);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            // Not an HTTPResponse: the raw content is the body.
        }

        return (200, content.TryGetBytes(out var raw) ? raw : content.GetContentData(), null);
    }

    private static MessageEnvelope Build(TimeProvider time, string source, string operation, string resource, MessageContent content) => new(
        MessageHeader.New(time),
        new MessageRoute(source, Groups.User, operation, resource),
        content);
}
