using System.Net;
using Actors.Kernel.Actor;
using Actors.Kernel.Hosting;
using Actors.Messages.ServiceBus;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Actors.Edge.Modules.ServiceBus;

/// <summary>
/// The local HTTP server edge applications call (POST <c>{method, targetURL, payload}</c>); each request is handed to
/// the ServiceBus actor, which checks the allow-list and forwards it to the cloud. Bodies over 12 MiB are refused.
/// </summary>
internal sealed class LocalServiceServer : IAsyncDisposable
{
    private const long MaxRequestBytes = 12L * 1024 * 1024;
    private readonly WebApplication _app;

    private LocalServiceServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<LocalServiceServer> StartAsync(IPEndPoint listen, IActorRef actor, TimeSpan timeout)
    {
        var (app, address) = await LoopbackWebApp.StartAsync(
            listen,
            a => a.MapPost("/{**path}", (Delegate)((HttpContext context) => HandleAsync(context, actor, timeout))),
            MaxRequestBytes).ConfigureAwait(false);
        return new LocalServiceServer(app, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<IResult> HandleAsync(HttpContext context, IActorRef actor, TimeSpan timeout)
    {
        ServiceBusServerRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync(ServiceBusTranslator.ServerRequestJson, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return Answer(new ServiceBusServerResponse(400, "invalid request: " + e.Message, null));
        }

        if (request is null || string.IsNullOrWhiteSpace(request.TargetUrl))
        {
            return Answer(new ServiceBusServerResponse(400, "invalid request: targetURL is required", null));
        }

        try
        {
            return Answer(await actor.Ask<ServiceBusServerResponse>(new LocalUpload(request), timeout + TimeSpan.FromSeconds(5)).ConfigureAwait(false));
        }
        catch (AskTimeoutException)
        {
            return Answer(new ServiceBusServerResponse(504, "no answer from the cloud", null));
        }
    }

    private static IResult Answer(ServiceBusServerResponse response) =>
        Results.Json(response, ServiceBusTranslator.ServerResponseJson, statusCode: response.Code is >= 400 and < 600 ? response.Code : 200);
}
