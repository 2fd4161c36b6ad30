using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Messages.ServiceBus;

/// <summary>
/// Envelope ↔ record for ServiceBus (kubeedge.md §7.3): cloud requests have source <c>router_servicebus</c>, group
/// <c>user</c>; the operation is the HTTP method (or <c>start</c>/<c>stop</c> for a target URL) and the edge-form
/// resource is <c>&lt;port&gt;:&lt;path&gt;</c>. Answers go to the hub group with source <c>servicebus</c>, group
/// <c>user</c>, operation <c>upload</c>, empty resource and the request's id as parent.
/// </summary>
public static class ServiceBusTranslator
{
    /// <summary>The header KubeEdge puts on the error answers it makes itself.</summary>
    public const string ServerHeaderValue = "kubeedge-edgecore";

    /// <summary>JSON metadata of the local server's request (for edge-side HTTP handlers).</summary>
    public static JsonTypeInfo<ServiceBusServerRequest> ServerRequestJson => ServiceBusJsonContext.Default.ServiceBusServerRequest;

    /// <summary>JSON metadata of the local server's answer.</summary>
    public static JsonTypeInfo<ServiceBusServerResponse> ServerResponseJson => ServiceBusJsonContext.Default.ServiceBusServerResponse;

    /// <summary>Reads an <c>HTTPResponse</c> content; null for JSON null. Throws <see cref="JsonException"/> when it is not one.</summary>
    public static ServiceBusHttpResponse? ReadResponse(MessageContent content) =>
        (content ?? throw new ArgumentNullException(nameof(content))).Deserialize(ServiceBusJsonContext.Default.ServiceBusHttpResponse);

    /// <summary>Reads an <c>HTTPRequest</c> content; null for JSON null. Throws <see cref="JsonException"/> when it is not one.</summary>
    public static ServiceBusHttpRequest? ReadRequest(MessageContent content) =>
        (content ?? throw new ArgumentNullException(nameof(content))).Deserialize(ServiceBusJsonContext.Default.ServiceBusHttpRequest);

    /// <summary>An <c>HTTPRequest</c> as envelope content.</summary>
    public static MessageContent RequestContent(ServiceBusHttpRequest request) =>
        MessageContent.From(request, ServiceBusJsonContext.Default.ServiceBusHttpRequest);

    /// <summary>An <c>HTTPResponse</c> as envelope content.</summary>
    public static MessageContent ResponseContent(ServiceBusHttpResponse response) =>
        MessageContent.From(response, ServiceBusJsonContext.Default.ServiceBusHttpResponse);

    /// <summary>Parses a cloud request; null with a reason (for a 400 answer or a log line) otherwise.</summary>
    public static IServiceBusMessage? TryParse(MessageEnvelope envelope, out string? error)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        error = null;
        var route = envelope.Route;
        if (route.Source != ModuleNames.RouterServiceBus)
        {
            error = "source '" + route.Source + "' is not " + ModuleNames.RouterServiceBus;
            return null;
        }

        switch (route.Operation)
        {
            case Operations.Start:
                return route.Resource.Length == 0 ? Fail(out error, "start without a target URL") : new AllowTargetUrl(route.Resource);
            case Operations.Stop:
                return route.Resource.Length == 0 ? Fail(out error, "stop without a target URL") : new DisallowTargetUrl(route.Resource);
        }

        var colon = route.Resource.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !int.TryParse(route.Resource.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return Fail(out error, "the format of resource " + route.Resource + " is incorrect (want <port>:<path>)");
        }

        if (route.Operation.Length == 0 || !route.Operation.All(char.IsAsciiLetter))
        {
            return Fail(out error, "operation '" + route.Operation + "' is not an HTTP method");
        }

        ServiceBusHttpRequest? request;
        try
        {
            request = envelope.Content.Kind == ContentKind.Null
                ? new ServiceBusHttpRequest(null, null)
                : envelope.Content.Deserialize(ServiceBusJsonContext.Default.ServiceBusHttpRequest);
        }
        catch (JsonException e)
        {
            return Fail(out error, "error to parse http request: " + e.Message);
        }

        var path = route.Resource[(colon + 1)..];
        return new CallEdgeService(envelope.Header.MsgId, port, path.StartsWith('/') ? path : "/" + path,
            route.Operation.ToUpperInvariant(), request ?? new ServiceBusHttpRequest(null, null));
    }

    /// <summary>The answer to a call (edge → cloud).</summary>
    public static MessageEnvelope Response(string requestId, ServiceBusHttpResponse response, MessageHeader header) => new(
        header with { ParentMsgId = requestId },
        new MessageRoute(ModuleNames.ServiceBus, Groups.User, Operations.Upload, string.Empty),
        MessageContent.From(response, ServiceBusJsonContext.Default.ServiceBusHttpResponse));

    /// <summary>An error answer as KubeEdge makes it: status, the text as body, header <c>Server: kubeedge-edgecore</c>.</summary>
    public static MessageEnvelope ErrorResponse(string requestId, int statusCode, string message, MessageHeader header) =>
        Response(requestId, new ServiceBusHttpResponse(
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["Server"] = [ServerHeaderValue] },
            statusCode,
            Encoding.UTF8.GetBytes(message)), header);

    /// <summary>An edge application's request to a cloud target URL (edge → cloud, answered synchronously).</summary>
    public static MessageEnvelope Upload(string targetUrl, ServiceBusHttpRequest request, MessageHeader header) => new(
        header,
        new MessageRoute(ModuleNames.ServiceBus, Groups.User, Operations.Upload, targetUrl),
        MessageContent.From(request, ServiceBusJsonContext.Default.ServiceBusHttpRequest));

    private static IServiceBusMessage? Fail(out string? error, string reason)
    {
        error = reason;
        return null;
    }
}
