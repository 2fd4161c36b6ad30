using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Actors.Cloud.Tests.CloudHub.Hub;
using Actors.Cloud.Tests.CloudHub.Security;

namespace Actors.Cloud.Tests.CloudHub.Process;

/// <summary>
/// The built cloudcore as a real process: <c>run</c> brings up the embedded API server, CloudHub's WebSocket server
/// and its certificate service; <c>token</c> prints a join token with which an edge gets a node certificate over
/// HTTPS and then connects with mutual TLS.
/// </summary>
public sealed partial class CloudCoreCloudHubProcessTests : IDisposable
{
    private const string Dll = "cloudcore.dll";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempConfig _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_Defaults_ApiServerAndCloudHubServeAndTokenJoinedNodeConnects()
    {
        using var host = HostProcess.Start(Dll, ["run", "--data-dir", _dir.Dir, "-D", "cloudcore.modules.apiserver.listen=127.0.0.1:0", .. CloudHubTestPorts.Loopback]);
        await host.WaitForLineAsync(l => l.Contains("embedded Kubernetes API server serving at", StringComparison.Ordinal), Deadline);
        var wsPort = PortOf(await host.WaitForLineAsync(l => l.Contains("CloudHub WebSocket server bound to port", StringComparison.Ordinal), Deadline));
        var httpsPort = PortOf(await host.WaitForLineAsync(l => l.Contains("CloudHub certificate service bound to port", StringComparison.Ordinal), Deadline));

        var (exit, token, stderr) = await HostProcess.RunAsync(Dll, ["token", "--data-dir", _dir.Dir]);
        Assert.True(exit == 0, stderr);
        using var ca = await DownloadCaAsync(httpsPort, token.Trim());
        using var nodeCert = await JoinAsync(httpsPort, ca, token.Trim(), "edge-proc");

        await using (var edge = await EdgeClient.ConnectAsync(wsPort, "edge-proc", tls: true, clientCert: nodeCert, ca: ca))
        {
            await edge.KeepaliveAsync();
            Assert.Equal(System.Net.WebSockets.WebSocketState.Open, edge.Socket.State);
        }

        Assert.Equal(HttpStatusCode.Forbidden,
            await EdgeClient.RefusedStatusAsync(wsPort, "edge-other", tls: true, clientCert: nodeCert, ca: ca));
        host.Signal("TERM");
        Assert.Equal(0, await host.WaitForExitAsync(Deadline));
    }

    [Fact]
    public async Task Token_TwiceForOneDataDir_SameCaHash()
    {
        var first = await HostProcess.RunAsync(Dll, ["token", "--data-dir", _dir.Dir]);
        var second = await HostProcess.RunAsync(Dll, ["token", "--data-dir", _dir.Dir]);

        Assert.True(first.Exit == 0, first.StdErr);
        Assert.True(second.Exit == 0, second.StdErr);
        Assert.Matches("^[0-9a-f]{64}\\.[^.]+\\.[^.]+\\.[^.]+$", first.StdOut.Trim());
        Assert.Equal(first.StdOut.Trim()[..64], second.StdOut.Trim()[..64]);
        var caDer = PemDer(File.ReadAllText(Path.Combine(_dir.Dir, "ca", "rootCA.crt")));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(caDer)), first.StdOut.Trim()[..64]);
    }

    /// <summary>What an edge does first: fetch /ca.crt without trusting it, then check it against the token's hash.</summary>
    private static async Task<X509Certificate2> DownloadCaAsync(int port, string token)
    {
        using var handler = new SocketsHttpHandler();
        X509Certificate2? server = null;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) =>
        {
            server = cert is null ? null : X509CertificateLoader.LoadCertificate(cert.GetRawCertData()); // checked below
            return server is not null;
        };
        using var client = new HttpClient(handler) { Timeout = Deadline };
        var der = await client.GetByteArrayAsync(new Uri($"https://127.0.0.1:{port}/ca.crt"));
        Assert.Equal(token[..64], Convert.ToHexStringLower(SHA256.HashData(der)));
        var ca = X509CertificateLoader.LoadCertificate(der);
        using (server)
        {
            Assert.True(server is not null && ChainsTo(server, ca), "the certificate service's certificate is not signed by the token's CA");
        }

        return ca;
    }

    private static async Task<X509Certificate2> JoinAsync(int port, X509Certificate2 ca, string token, string node)
    {
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) => cert is X509Certificate2 c && ChainsTo(c, ca);
        using var client = new HttpClient(handler) { Timeout = Deadline };
        var (csr, key) = TestCerts.CreateCsr("system:node:" + node);
        using var _ = key;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"https://127.0.0.1:{port}/edge.crt")) { Content = new ByteArrayContent(csr) };
        request.Headers.Add("NodeName", node);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Split('.', 2)[1]);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var cert = X509CertificateLoader.LoadCertificate(await response.Content.ReadAsByteArrayAsync());
        return cert.CopyWithPrivateKey(key);
    }

    private static bool ChainsTo(X509Certificate2 leaf, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }

    private static byte[] PemDer(string pem) => X509Certificate2.CreateFromPem(pem).RawData;

    private static int PortOf(string line) => int.Parse(PortPattern().Match(line).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("bound to port (\\d+)")]
    private static partial Regex PortPattern();
}
