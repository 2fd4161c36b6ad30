using System.Net;
using Actors.Kernel.Actor;
using Actors.Kernel.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Actors.Cloud.Modules.Router;

/// <summary>
/// The router's REST endpoint (KubeEdge: port 9443): <c>/&lt;node&gt;/&lt;namespace&gt;/&lt;path…&gt;</c>, any method,
/// bodies up to 12 MiB. Each request is handed to the router actor, which answers with a <see cref="RestAnswer"/>.
/// </summary>
internal sealed class RestListener : IAsyncDisposable
{
    public const long MaxBodyBytes = 12L * 1024 * 1024;
    private readonly WebApplication _app;

    private RestListener(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<RestListener> StartAsync(IPEndPoint listen, IActorRef router, TimeSpan timeout)
    {
        var (app, address) = await LoopbackWebApp.StartAsync(
            listen,
            a => a.Map("/{**path}", (Delegate)((HttpContext c) => HandleAsync(c, router, timeout))),
            MaxBodyBytes).ConfigureAwait(false);
        return new RestListener(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task HandleAsync(HttpContext context, IActorRef router, TimeSpan timeout)
    {
        var segments = (context.Request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        RestAnswer answer;
        if (segments.Length < 3)
        {
            answer = RestAnswer.Text(404, "want /<node>/<namespace>/<path>");
        }
        else
        {
            using var body = new MemoryStream();
            try
            {
                await context.Request.Body.CopyToAsync(body, context.RequestAborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e)
            {
                await WriteAsync(context, RestAnswer.Text(e.StatusCode, e.Message)).ConfigureAwait(false);
                return;
            }

            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)[.. h.Value.Select(v => v ?? string.Empty)], StringComparer.OrdinalIgnoreCase);
            var call = new RestCall(segments[0], segments[1], "/" + string.Join('/', segments[2..]), context.Request.QueryString.Value ?? string.Empty,
                context.Request.Method, headers, body.ToArray(), context.Request.Path + context.Request.QueryString);
            try
            {
                answer = await router.Ask<RestAnswer>(call, timeout + TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
            catch (AskTimeoutException)
            {
                answer = RestAnswer.Text(408, "wait to get response time out");
            }
        }

        await WriteAsync(context, answer).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, RestAnswer answer)
    {
        context.Response.StatusCode = answer.Status;
        foreach (var (name, values) in answer.Headers)
        {
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && !name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = new Microsoft.Extensions.Primitives.StringValues([.. values]);
            }
        }

        await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
