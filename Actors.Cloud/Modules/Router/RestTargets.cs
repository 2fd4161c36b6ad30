using System.Net;
using Actors.Messages.Routing;
using Actors.Messages.ServiceBus;
using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.Router;

/// <summary>
/// Edge → REST: an eventbus upload on <c>node/&lt;n&gt;/&lt;ns&gt;/&lt;topic&gt;</c> is POSTed to every matching rule's
/// <c>targetResource.resource</c> URL (header <c>NodeName</c>); a servicebus upload to an allowed target URL is sent
/// there with its method and the answer goes back to the node. Each task yields a message for the router actor.
/// </summary>
internal sealed class RestTargets(HttpClient http, TimeSpan timeout)
{
    public IEnumerable<Task<object>> Relay(RuleTable table, MessageEnvelope envelope, Func<MessageHeader> header)
    {
        var parts = envelope.Route.Resource.Split('/', 3);
        if (parts.Length < 3 || parts[0] != "node")
        {
            yield break;
        }

        var node = parts[1];
        var rest = parts[2];
        if (envelope.Route.Source == ModuleNames.ServiceBus)
        {
            if (table.MatchServiceBus(node, rest) is { } rule)
            {
                yield return CallAsync(rule, node, rest, envelope, header());
            }
            else
            {
                yield return Task.FromResult<object>(new ForwardToNode(RouterEnvelopes.UploadAnswer(header(), node, envelope.Header.MsgId,
                    EdgeError(HttpStatusCode.Forbidden, "no servicebus rule allows " + node + " to call " + rest))));
            }

            yield break;
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            yield break;
        }

        var body = envelope.Content.GetContentData();
        foreach (var rule in table.MatchEventBus(node, rest[..slash], rest[(slash + 1)..]))
        {
            yield return PostAsync(rule, node, body);
        }
    }

    private async Task<object> PostAsync(ResolvedRule rule, string node, byte[] body)
    {
        var url = rule.TargetResource.GetValueOrDefault("resource", string.Empty);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Headers.TryAddWithoutValidation("NodeName", node);
            using var response = await http.SendAsync(request, cts.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return new TargetPosted(rule.Namespace + "/" + rule.Name, url, status, null,
                RuleOutcome.Of(rule, response.IsSuccessStatusCode ? null : "POST " + url + " answered " + status));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or UriFormatException or InvalidOperationException)
        {
            return new TargetPosted(rule.Namespace + "/" + rule.Name, url, 0, e.Message, RuleOutcome.Of(rule, "POST " + url + " failed: " + e.Message));
        }
    }

    private async Task<object> CallAsync(ResolvedRule rule, string node, string url, MessageEnvelope upload, MessageHeader header)
    {
        ServiceBusHttpResponse answer;
        string? error = null;
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var request = ServiceBusTranslator.ReadRequest(upload.Content) ?? new ServiceBusHttpRequest(null, null);
            using var message = new HttpRequestMessage(new HttpMethod(request.Method ?? "POST"), url);
            message.Content = new ReadOnlyMemoryContent(request.Body ?? ReadOnlyMemory<byte>.Empty);
            message.Headers.TryAddWithoutValidation("NodeName", node);
            using var response = await http.SendAsync(message, cts.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cts.Token).ConfigureAwait(false);
            answer = new ServiceBusHttpResponse(
                response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[.. h.Value], StringComparer.Ordinal),
                (int)response.StatusCode, body);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or UriFormatException or InvalidOperationException or System.Text.Json.JsonException)
        {
            error = "calling " + url + " for rule " + rule.Namespace + "/" + rule.Name + " failed: " + e.Message;
            answer = EdgeError(HttpStatusCode.BadGateway, error);
        }

        error ??= answer.StatusCode >= 500 ? url + " answered " + answer.StatusCode : null;
        return new ForwardToNode(RouterEnvelopes.UploadAnswer(header, node, upload.Header.MsgId, answer), RuleOutcome.Of(rule, error));
    }

    private static ServiceBusHttpResponse EdgeError(HttpStatusCode status, string message) => new(
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["Server"] = ["edgeactors-cloudcore"] },
        (int)status,
        System.Text.Encoding.UTF8.GetBytes(message));
}
