using System.Net;
using Actors.Messages.ServiceBus;

namespace Actors.Edge.Modules.ServiceBus;

/// <summary>
/// Makes one REST → ServiceBus call against an application on this node (<c>http://127.0.0.1:port/path</c>) and turns
/// every outcome into the answer KubeEdge sends: the application's response, 404 when it cannot be reached, 500 when
/// its body exceeds the limit, 504 on timeout.
/// </summary>
public sealed class EdgeServiceCaller(HttpClient http, TimeSpan timeout, int maxBodyBytes)
{
    private static readonly HashSet<string> ContentHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Encoding", "Content-Language", "Content-Disposition", "Content-MD5", "Content-Range", "Expires", "Last-Modified",
    };

    /// <summary>Calls the application; never throws for HTTP or network failures.</summary>
    public async Task<ServiceBusHttpResponse> CallAsync(CallEdgeService call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        using var request = Build(call);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            var body = await ReadLimitedAsync(response.Content, cts.Token).ConfigureAwait(false);
            if (body is null)
            {
                return Error(HttpStatusCode.InternalServerError, "error to receive response, err: response body too large");
            }

            return new ServiceBusHttpResponse(Headers(response), (int)response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Error(HttpStatusCode.GatewayTimeout, "error to call service: no response within " + timeout.TotalSeconds + " s");
        }
        catch (HttpRequestException e)
        {
            return Error(HttpStatusCode.NotFound, "error to call service: " + e.Message);
        }
    }

    /// <summary>An error answer with KubeEdge's Server header.</summary>
    public static ServiceBusHttpResponse Error(HttpStatusCode status, string message) => new(
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["Server"] = [ServiceBusTranslator.ServerHeaderValue] },
        (int)status,
        System.Text.Encoding.UTF8.GetBytes(message));

    private static HttpRequestMessage Build(CallEdgeService call)
    {
        var request = new HttpRequestMessage(new HttpMethod(call.Method), new Uri("http://127.0.0.1:" + call.Port + call.Path));
        if (call.Request.Body is { Length: > 0 } body)
        {
            request.Content = new ReadOnlyMemoryContent(body);
        }

        foreach (var (name, values) in call.Request.Header ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (ContentHeaders.Contains(name))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, values);
            }
            else if (!name.Equals("Host", StringComparison.OrdinalIgnoreCase) && !name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return request;
    }

    private async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > maxBodyBytes)
        {
            return null;
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > maxBodyBytes)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> Headers(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = [.. values];
        }

        return headers;
    }
}
