using System.Text.Json.Serialization;

namespace Actors.Messages.ServiceBus;

/// <summary>
/// KubeEdge's <c>HTTPRequest</c> (router_servicebus → edge): headers as Go's <c>http.Header</c> (name → values),
/// body as Go <c>[]byte</c> (base64 in JSON), the HTTP method and the original URL.
/// </summary>
public sealed record ServiceBusHttpRequest(
    [property: JsonPropertyName("header")] IReadOnlyDictionary<string, IReadOnlyList<string>>? Header,
    [property: JsonPropertyName("body")] ReadOnlyMemory<byte>? Body,
    [property: JsonPropertyName("method")] string? Method = null,
    [property: JsonPropertyName("url")] string? Url = null);

/// <summary>KubeEdge's <c>HTTPResponse</c> (edge → cloud, parent id = the request's id).</summary>
public sealed record ServiceBusHttpResponse(
    [property: JsonPropertyName("header")] IReadOnlyDictionary<string, IReadOnlyList<string>> Header,
    [property: JsonPropertyName("status_code")] int StatusCode,
    [property: JsonPropertyName("body")] ReadOnlyMemory<byte>? Body);

/// <summary>What an edge application POSTs to the local ServiceBus server (127.0.0.1:9060).</summary>
public sealed record ServiceBusServerRequest(
    [property: JsonPropertyName("method")] string? Method,
    [property: JsonPropertyName("targetURL")] string? TargetUrl,
    [property: JsonPropertyName("payload")] ReadOnlyMemory<byte>? Payload);

/// <summary>The local server's answer: the cloud endpoint's status, a message, and its body.</summary>
public sealed record ServiceBusServerResponse(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string Msg,
    [property: JsonPropertyName("body")] ReadOnlyMemory<byte>? Body);

/// <summary>Source-generated JSON metadata for the ServiceBus contents.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ServiceBusHttpRequest))]
[JsonSerializable(typeof(ServiceBusHttpResponse))]
[JsonSerializable(typeof(ServiceBusServerRequest))]
[JsonSerializable(typeof(ServiceBusServerResponse))]
internal sealed partial class ServiceBusJsonContext : JsonSerializerContext;
