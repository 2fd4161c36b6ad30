using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Actors.Cloud.Modules.CloudHub.Security;
using Actors.Kernel.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.CloudHub.Server;

/// <summary>
/// CloudHub's Kestrel WebSocket endpoint. With TLS (the default) a client certificate is required and must be a
/// node certificate of our CA whose node name equals the <c>node_id</c> header; plain ws:// only with
/// <see cref="CloudHubOptions.AllowInsecure"/>. Accepted sockets are handed to the <see cref="CloudHubActor"/>.
/// </summary>
public sealed class CloudHubServer(
    IActorRef hub,
    CloudHubOptions options,
    X509Certificate2? serverCertificate,
    NodeCertificateValidator? validator,
    ILoggerFactory loggerFactory) : IAsyncDisposable
{
    private readonly ILogger _log = loggerFactory.CreateLogger<CloudHubServer>();
    private static readonly TimeSpan AdmissionTimeout = TimeSpan.FromSeconds(10);
    private WebApplication? _app;

    /// <summary>The port actually bound (useful with port 0); 0 before start.</summary>
    public int BoundPort { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (_app is not null)
        {
            throw new InvalidOperationException("the CloudHub server is already started");
        }

        if (!options.AllowInsecure && (serverCertificate is null || validator is null))
        {
            throw new ArgumentException("CloudHub needs a server certificate and a node certificate validator unless allow-insecure is set");
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(options.ListenAddress, options.Port, listen =>
            {
                if (!options.AllowInsecure)
                {
                    listen.UseHttps(new HttpsConnectionAdapterOptions
                    {
                        ServerCertificate = serverCertificate,
                        ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                        ClientCertificateValidation = validator!.ValidateCallback,
                        SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    });
                }
            }));
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions());
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        app.Run(context => HandleAsync(context, stopping));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        BoundPort = PortOf(app);
        if (options.AllowInsecure)
        {
            _log.LogWarning("CloudHub serves plain ws:// on {Address}:{Port} without TLS (allow-insecure): development only",
                options.ListenAddress, BoundPort);
        }
        else
        {
            _log.LogInformation("CloudHub listening on wss://{Address}:{Port}", options.ListenAddress, BoundPort);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task HandleAsync(HttpContext context, CancellationToken stopping)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "a WebSocket upgrade is required").ConfigureAwait(false);
            return;
        }

        var (nodeId, status, reason) = NodeHandshake.Check(context.Request);
        if (nodeId is null)
        {
            await RefuseAsync(context, status, reason).ConfigureAwait(false);
            return;
        }

        if (!options.AllowInsecure)
        {
            var certificate = await context.Connection.GetClientCertificateAsync(context.RequestAborted).ConfigureAwait(false);
            var verdict = validator!.ValidateForNode(certificate, nodeId);
            if (!verdict.IsValid)
            {
                await RefuseAsync(context, StatusCodes.Status403Forbidden, verdict.Reason).ConfigureAwait(false);
                return;
            }
        }

        if (!await AdmitAsync(nodeId).ConfigureAwait(false))
        {
            await RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, $"node limit {options.NodeLimit} reached")
                .ConfigureAwait(false);
            return;
        }

        var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Tell(new NodeSocketAccepted(nodeId, socket, done), ActorRefs.NoSender);
        try
        {
            await done.Task.WaitAsync(stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            socket.Abort();
        }
    }

    private async Task<bool> AdmitAsync(string nodeId)
    {
        try
        {
            var answer = await hub.Ask<NodeAdmission>(new AdmitNode(nodeId), AdmissionTimeout).ConfigureAwait(false);
            return answer.Admitted;
        }
        catch (AskTimeoutException)
        {
            return false;
        }
    }

    private async Task RefuseAsync(HttpContext context, int status, string reason)
    {
        _log.LogWarning("CloudHub refused a connection from {Remote} to {Path}: {Reason}",
            context.Connection.RemoteIpAddress, context.Request.Path.Value, reason);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(reason, context.RequestAborted).ConfigureAwait(false);
    }

    private static int PortOf(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = addresses.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address");
        return new Uri(first.Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
    }
}
