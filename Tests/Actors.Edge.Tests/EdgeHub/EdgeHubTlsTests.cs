using Actors.Edge.Modules.EdgeHub.Security;
using Actors.Edge.Tests.EdgeHub.Security;
using Actors.Edge.Tests.EdgeHub.Support;
using Actors.Messages.Routing;
using Xunit.Abstractions;

namespace Actors.Edge.Tests.EdgeHub;

/// <summary>Mutual TLS with credentials kept by <see cref="EdgeCertificateManager"/> (stored files, no join needed).</summary>
public sealed class EdgeHubTlsTests(ITestOutputHelper output) : EdgeHubTestBase(output)
{
    private readonly TestPki _pki = new();
    private readonly List<IDisposable> _keys = [];
    private bool _disposed;

    public override async Task InitializeAsync()
    {
        var (server, key) = _pki.Issue("CN=KubeEdge", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        _keys.Add(key);
        StubWithTls = await CloudStub.StartAsync(server, _pki.Ca);
        await base.InitializeAsync();
    }

    private CloudStub StubWithTls { get; set; } = null!;

    [Fact]
    public async Task Tls_StoredNodeCertificate_MutualHandshakeAndServerSeesNodeIdentity()
    {
        var certificates = StoreNodeCertificate("node-1");
        var settings = Settings() with { Server = StubWithTls.BaseUri, AllowInsecure = false, Certificates = certificates };

        StartEdge(settings);
        var connection = await StubWithTls.NextConnectionAsync(Io);

        ExpectLink(Meta, WellKnownContent.CloudConnected);
        Assert.StartsWith("wss://", StubWithTls.BaseUri.ToString(), StringComparison.Ordinal);
        Assert.NotNull(connection.ClientCertificate);
        Assert.Equal("system:node:node-1", connection.ClientCertificate!.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, false));
        Assert.Equal("node-1", connection.Headers["node_id"]);
    }

    [Fact]
    public async Task Tls_ServerFromAnotherCa_EdgeRefusesAndNeverConnects()
    {
        using var other = new TestPki();
        var (server, key) = other.Issue("CN=KubeEdge", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1));
        _keys.Add(key);
        await using var impostor = await CloudStub.StartAsync(server, _pki.Ca);
        var settings = Settings() with { Server = impostor.BaseUri, AllowInsecure = false, Certificates = StoreNodeCertificate("node-1") };

        StartEdge(settings);
        AdvanceUntil(() => impostor.TcpConnections >= 2, "the edge tries the impostor at least twice");

        Assert.False(impostor.HasConnection(out _)); // no handshake ever completed to a WebSocket
        Assert.Equal(0, impostor.Refused); // and no HTTP request ever reached it
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !_disposed)
        {
            _disposed = true;
            _pki.Dispose();
            _keys.ForEach(k => k.Dispose());
            StubWithTls?.DisposeAsync().AsTask().Wait(Io);
        }
    }

    private EdgeCertificateOptions StoreNodeCertificate(string node)
    {
        var options = EdgeCertificateOptions.InDirectory(new Uri("https://127.0.0.1:1"), node, "unused", Path.Combine(Dir, "certs"));
        // The manual clock (used by EdgeCertificateManager) starts at the real time (used by TLS), so both see it valid.
        var (cert, key) = _pki.Issue("O=system:nodes, CN=system:node:" + node, Clock.GetUtcNow().AddHours(-1), DateTimeOffset.UtcNow.AddDays(10));
        using (cert)
        using (key)
        {
            EdgeCertificateStore.SaveCa(options.CaFile, _pki.Ca);
            EdgeCertificateStore.SaveCertificate(options, cert, key);
        }

        return options;
    }
}
