using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Edge.Tests.EdgeHub.Support;

/// <summary>
/// A minimal CloudHub stand-in on loopback (real Kestrel WebSockets): accepts <c>/&lt;project&gt;/&lt;node&gt;/events</c>
/// upgrades while <see cref="Accepting"/> (503 otherwise), hands each socket to the test as a <see cref="StubConnection"/>,
/// and optionally requires a client certificate chaining to a given CA (mutual TLS).
/// </summary>
public sealed class CloudStub : IAsyncDisposable
{
    private readonly Channel<StubConnection> _connections = Channel.CreateUnbounded<StubConnection>();
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();

    private CloudStub(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    /// <summary><c>ws://127.0.0.1:port</c> or <c>wss://127.0.0.1:port</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>False: upgrades are refused with 503 (the edge sees a failed connect).</summary>
    public bool Accepting { get; set; } = true;

    public int Refused => Volatile.Read(ref _refused);

    private int _refused;
    private int _tcpConnections;

    /// <summary>TCP connections accepted (before any TLS handshake).</summary>
    public int TcpConnections => Volatile.Read(ref _tcpConnections);

    public static async Task<CloudStub> StartAsync(X509Certificate2? serverCertificate = null, X509Certificate2? clientCa = null)
    {
        CloudStub? stub = null;
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Use(next => connection =>
            {
                Interlocked.Increment(ref stub!._tcpConnections);
                return next(connection);
            });
            if (serverCertificate is not null)
            {
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = serverCertificate,
                    ClientCertificateMode = ClientCertificateMode.RequireCertificate,
                    ClientCertificateValidation = (certificate, _, _) => ChainsTo(certificate, clientCa!),
                    SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                });
            }
        }));
        var app = builder.Build();
        app.UseWebSockets();
        app.Run(context => stub!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var scheme = serverCertificate is null ? "ws" : "wss";
        stub = new CloudStub(app, new Uri($"{scheme}://127.0.0.1:{port}"));
        return stub;
    }

    /// <summary>The next accepted connection, or a failed test after <paramref name="timeout"/>.</summary>
    public async Task<StubConnection> NextConnectionAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _connections.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("no connection from the edge within " + timeout);
        }
    }

    /// <summary>True when a connection is waiting to be taken.</summary>
    public bool HasConnection(out StubConnection? connection) => _connections.Reader.TryRead(out connection);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || !Accepting)
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var clientCertificate = await context.Connection.GetClientCertificateAsync();
        var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new StubConnection(socket, context.Request.Path.Value ?? string.Empty, headers, clientCertificate);
        _connections.Writer.TryWrite(connection);
        await connection.RunAsync(_stopping.Token);
    }
}
