using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Actors.Cloud.Modules.CloudHub.Security;
using Actors.Edge.Modules.EdgeHub.Security;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Messages.Tests.Security;

/// <summary>
/// Cloud certificate service and edge certificate manager together on loopback: join with a token, refuse a wrong
/// CA hash, renew before expiry, and a mutual-TLS handshake with the issued credentials. Lives here because this is
/// the test project that references both hosts.
/// </summary>
public sealed class JoinFlowTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "edgeactors-join-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTime _time = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private CloudSecurity _cloud = null!;
    private CertificateServer _server = null!;

    public async Task InitializeAsync()
    {
        _cloud = CloudSecurity.Create(new CertificateAuthorityOptions(Path.Combine(_dir, "cloud")), _time, NullLoggerFactory.Instance);
        _server = _cloud.CreateServer();
        using var cts = new CancellationTokenSource(Deadline);
        await _server.StartAsync(new CertificateServerOptions(IPAddress.Loopback, 0), cts.Token);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _cloud.Dispose();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task Join_ValidToken_EdgeGetsNodeCertificateTheCloudAccepts()
    {
        var manager = Manager("edge-1", _cloud.Tokens.CurrentToken());

        using var credentials = await manager.EnsureAsync(Cancel());

        Assert.Equal(_cloud.Authority.Certificate.RawData, credentials.Ca.RawData);
        Assert.True(credentials.Certificate.HasPrivateKey);
        var verdict = _cloud.Validator.ValidateForNode(credentials.Certificate, "edge-1");
        Assert.True(verdict.IsValid, verdict.Reason);
        Assert.True(File.Exists(Path.Combine(_dir, "edge-1", "server.crt")));
    }

    [Fact]
    public async Task Join_TokenForAnotherCa_RefusedBeforeSendingCsr()
    {
        var forged = JoinToken.Create(RandomNumberGenerator.GetBytes(64), RandomNumberGenerator.GetBytes(32), _time.GetUtcNow().AddHours(1));
        var jwtOfRealToken = _cloud.Tokens.CurrentToken().Split('.', 2)[1];
        var wrongHash = forged.Split('.', 2)[0] + "." + jwtOfRealToken;
        var manager = Manager("edge-1", wrongHash);

        var e = await Assert.ThrowsAsync<EdgeCertificateException>(() => manager.EnsureAsync(Cancel()));

        Assert.Contains("hash", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "edge-1", "server.crt")));
    }

    [Fact]
    public async Task Join_ExpiredToken_RefusedByCloud()
    {
        var token = _cloud.Tokens.CurrentToken();
        _time.Advance(TimeSpan.FromHours(25));

        var e = await Assert.ThrowsAsync<EdgeCertificateException>(() => Manager("edge-1", token).EnsureAsync(Cancel()));

        Assert.Contains("401", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ensure_PastRotationPoint_RenewsWithCurrentCertificate()
    {
        var manager = Manager("edge-1", _cloud.Tokens.CurrentToken());
        using var first = await manager.EnsureAsync(Cancel());
        var renewAt = manager.RenewAt(first);

        _time.Advance(renewAt - _time.GetUtcNow() + TimeSpan.FromMinutes(1));
        // The token has long expired: only the certificate can authenticate the renewal.
        Assert.False(_cloud.Tokens.Verify(_cloud.Tokens.CreateToken(_time.GetUtcNow().AddHours(-1))).IsValid);
        using var renewed = await manager.EnsureAsync(Cancel());

        Assert.NotEqual(first.Certificate.RawData, renewed.Certificate.RawData);
        Assert.True(renewed.Certificate.NotAfter > first.Certificate.NotAfter);
        Assert.True(_cloud.Validator.ValidateForNode(renewed.Certificate, "edge-1").IsValid);
    }

    [Fact]
    public async Task MutualTls_IssuedCredentials_HandshakeAndNodeNameFromCertificate()
    {
        using var credentials = await Manager("edge-1", _cloud.Tokens.CurrentToken()).EnsureAsync(Cancel());

        var (serverSaw, clientError) = await HandshakeAsync(credentials);

        Assert.Null(clientError);
        Assert.Equal("edge-1", serverSaw);
    }

    [Fact]
    public async Task MutualTls_SelfSignedClientCertificate_RefusedByServer()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("O=system:nodes, CN=system:node:edge-1", key, HashAlgorithmName.SHA256);
        using var selfSigned = request.CreateSelfSigned(_time.GetUtcNow().AddHours(-1), _time.GetUtcNow().AddDays(1));
        using var credentials = new EdgeCredentials(X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pkcs12), null), X509CertificateLoader.LoadCertificate(_cloud.Authority.Certificate.RawData));

        var (serverSaw, _) = await HandshakeAsync(credentials);

        Assert.Null(serverSaw);
    }

    /// <summary>One TLS handshake over loopback; returns the node name the server accepted (null if refused).</summary>
    private async Task<(string? ServerSaw, Exception? ClientError)> HandshakeAsync(EdgeCredentials credentials)
    {
        using var serverCertificate = _cloud.Issuer.IssueServerCertificate([IPAddress.Loopback], [], TimeSpan.FromDays(1));
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var cts = new CancellationTokenSource(Deadline);

        var serverTask = Task.Run(async () =>
        {
            using var socket = await listener.AcceptTcpClientAsync(cts.Token);
            await using var tls = new SslStream(socket.GetStream());
            try
            {
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                {
                    ServerCertificate = serverCertificate,
                    ClientCertificateRequired = true,
                    RemoteCertificateValidationCallback = (_, cert, chain, errors) =>
                        cert is X509Certificate2 c && _cloud.Validator.ValidateCallback(c, chain, errors),
                }, cts.Token);
                return _cloud.Validator.Validate(tls.RemoteCertificate as X509Certificate2).NodeName;
            }
            catch (AuthenticationException)
            {
                return null;
            }
        });

        Exception? clientError = null;
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, port, cts.Token);
            await using var tls = new SslStream(client.GetStream());
            try
            {
                await tls.AuthenticateAsClientAsync(MutualTlsClient.CreateSslOptions(credentials, "127.0.0.1"), cts.Token);
                await tls.WriteAsync(new byte[] { 1 }, cts.Token);
            }
            catch (Exception e) when (e is AuthenticationException or IOException)
            {
                clientError = e;
            }
        }

        return (await serverTask.WaitAsync(Deadline), clientError);
    }

    private EdgeCertificateManager Manager(string node, string token) => new(
        EdgeCertificateOptions.InDirectory(new Uri($"https://127.0.0.1:{_server.BoundPort}"), node, token, Path.Combine(_dir, node)),
        _time,
        NullLogger<EdgeCertificateManager>.Instance);

    private static CancellationToken Cancel() => new CancellationTokenSource(Deadline).Token;

    private sealed class ManualTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
