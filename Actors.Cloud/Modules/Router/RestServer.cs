using System.Net;
using System.Text;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.Router;

/// <summary>
/// The router's REST listener (KubeEdge: plain HTTP on 9443): <c>/&lt;node&gt;/&lt;namespace&gt;/&lt;path&gt;[/&lt;rest&gt;]</c>
/// is matched against the REST-source rules; an eventbus target publishes the body on the edge
/// (<c>200 message delivered</c>), a servicebus target calls the edge service and returns its answer (<c>408</c> when
/// the edge does not answer within the timeout). Unknown paths get 404, bodies over 12 MiB 413.
/// </summary>
public sealed partial class RestServer : IAsyncDisposable
{
    /// <summary>KubeEdge's limit on a routed body.</summary>
    public const long MaxBodyBytes = 12L * 1024 * 1024;

    private readonly RouterState _state;
    private readonly ModuleBus _bus;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly ILogger _log;
    private WebApplication? _app;

    public RestServer(RouterState state, ModuleBus bus, TimeProvider time, TimeSpan timeout, ILogger log)
    {
        _state = state;
        _bus = bus;
        _time = time;
        _timeout = timeout;
        _log = log;
    }

    /// <summary>The bound endpoint (the real port when 0 was asked for).</summary>
    public IPEndPoint? Endpoint { get; private set; }

    public async Task StartAsync(IPAddress address, int port, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.Listen(address, port);
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Endpoint = new IPEndPoint(address, new Uri(addresses.First()).Port);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var segments = RuleTable.Segments(context.Request.Path.Value ?? string.Empty);
        var match = segments.Length >= 3 ? _state.Table.MatchRest(segments[1], segments[2..]) : null;
        if (match is not { } found)
        {
            await Reply(context, 404, "no rule matches " + context.Request.Path).ConfigureAwait(false);
            return;
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException e)
        {
            await Reply(context, e.StatusCode, e.Message).ConfigureAwait(false);
            return;
        }

        var node = segments[0];
        switch (found.Rule.TargetType)
        {
            case RuleTable.EventBus:
                var topic = (found.Rule.TargetResource.GetValueOrDefault("topic") ?? string.Empty).Trim('/') + found.Remainder;
                _bus.Send(ModuleNames.CloudHub, new BusMessage(RouterEnvelopes.Publish(_time, node, topic, Encoding.UTF8.GetString(body))));
                LogRouted(_log, found.Rule.Name, node, topic);
                await Reply(context, 200, "message delivered").ConfigureAwait(false);
                break;
            case RuleTable.ServiceBus:
                await CallServiceAsync(context, found.Rule, node, found.Remainder, body).ConfigureAwait(false);
                break;
            default:
                await Reply(context, 400, "rule " + found.Rule.Name + ": a REST source cannot target " + found.Rule.TargetType).ConfigureAwait(false);
                break;
        }
    }

    private async Task CallServiceAsync(HttpContext context, RouteRule rule, string node, string rest, byte[] body)
    {
        var port = rule.TargetProperties.GetValueOrDefault("service_port") ?? string.Empty;
        var path = (rule.TargetResource.GetValueOrDefault("path") ?? string.Empty) + rest;
        var url = "http://127.0.0.1:" + port + path + context.Request.QueryString;
        var headers = context.Request.Headers.Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.Select(v => v ?? string.Empty).ToArray()));
        var call = RouterEnvelopes.ServiceCall(_time, node, port, path, context.Request.Method, url, headers, body);
        var waiting = new TaskCompletionSource<Messages.Wire.MessageEnvelope>(TaskCreationOptions.RunContinuationsAsynchronously);
        _state.Pending[call.Header.MsgId] = waiting;
        _bus.Send(ModuleNames.CloudHub, new BusMessage(call));
        try
        {
            var answer = await waiting.Task.WaitAsync(_timeout, _time, context.RequestAborted).ConfigureAwait(false);
            var (status, responseBody, type) = RouterEnvelopes.ServiceAnswer(answer.Content);
            context.Response.StatusCode = status;
            if (type is not null)
            {
                context.Response.ContentType = type;
            }

            await context.Response.Body.WriteAsync(responseBody, context.RequestAborted).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await Reply(context, 408, "wait to get response time out").ConfigureAwait(false);
        }
        finally
        {
            _state.Pending.TryRemove(call.Header.MsgId, out _);
        }
    }

    private static Task Reply(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "rule {Rule}: REST request published to node {Node} topic {Topic}")]
    private static partial void LogRouted(ILogger logger, string rule, string node, string topic);
}
