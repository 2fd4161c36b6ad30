using System.Text;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Config;
using Actors.Cloud.Tests.Kubernetes.Support;

namespace Actors.Cloud.Tests.Kubernetes.Config;

/// <summary>Real TLS against the scripted server: CA pinning, mTLS from a kubeconfig, bearer tokens, in-cluster config.</summary>
public sealed class TlsAuthenticationTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static Task<ScriptedApiServer> StartTlsServerAsync(TestCertificates certs, bool requireClientCertificate)
        => ScriptedApiServer.StartAsync(
            (_, response, _) => ScriptedApiServer.WriteJsonAsync(response, 200, K8sJson.Pod("default", "web", "1")),
            new ServerTls(certs.Server, certs.Ca, requireClientCertificate));

    private static string KubeConfig(Uri server, string caPem, string user) => $"""
        apiVersion: v1
        kind: Config
        current-context: edge
        clusters:
        - name: c
          cluster:
            server: {server}
            certificate-authority-data: {B64(caPem)}
        contexts:
        - name: edge
          context: {"{"}cluster: c, user: u{"}"}
        users:
        - name: u
          user:
        {user}
        """;

    [Fact]
    public async Task Get_KubeconfigClientCertificate_PassesMutualTlsOverHttp2()
    {
        using var certs = TestCertificates.Create();
        await using var server = await StartTlsServerAsync(certs, requireClientCertificate: true);
        using var dir = new TempDirectory();
        var path = dir.Write("config", KubeConfig(server.BaseAddress, certs.CaPem,
            $"    client-certificate-data: {B64(certs.ClientCertificatePem)}\n    client-key-data: {B64(certs.ClientKeyPem)}"));
        using var client = new KubernetesClient(KubeConfigLoader.Load(path), ScriptedApiServer.Unlimited);

        var pod = await client.Resource(KnownResources.Pods).GetAsync("default", "web").WaitAsync(Deadline);

        Assert.Equal("web", pod.Metadata.Name);
        Assert.Equal("HTTP/2", server.Requests.Single().Protocol);
    }

    [Fact]
    public async Task Get_ServerRequiresClientCertificateButNoneConfigured_Fails()
    {
        using var certs = TestCertificates.Create();
        await using var server = await StartTlsServerAsync(certs, requireClientCertificate: true);
        using var dir = new TempDirectory();
        var path = dir.Write("config", KubeConfig(server.BaseAddress, certs.CaPem, "    token: t"));
        using var client = new KubernetesClient(KubeConfigLoader.Load(path), ScriptedApiServer.Unlimited);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.Resource(KnownResources.Pods).GetAsync("default", "web").WaitAsync(Deadline));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Get_ServerCertificateFromAnotherCa_IsRejected()
    {
        using var certs = TestCertificates.Create();
        using var other = TestCertificates.Create("someone-else");
        await using var server = await StartTlsServerAsync(certs, requireClientCertificate: false);
        using var dir = new TempDirectory();
        var path = dir.Write("config", KubeConfig(server.BaseAddress, other.CaPem, "    token: t"));
        using var client = new KubernetesClient(KubeConfigLoader.Load(path), ScriptedApiServer.Unlimited);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.Resource(KnownResources.Pods).GetAsync("default", "web").WaitAsync(Deadline));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Get_KubeconfigToken_SendsBearerHeader()
    {
        using var certs = TestCertificates.Create();
        await using var server = await StartTlsServerAsync(certs, requireClientCertificate: false);
        using var dir = new TempDirectory();
        var path = dir.Write("config", KubeConfig(server.BaseAddress, certs.CaPem, "    token: s3cr3t-token"));
        using var client = new KubernetesClient(KubeConfigLoader.Load(path), ScriptedApiServer.Unlimited);

        await client.Resource(KnownResources.Pods).GetAsync("default", "web").WaitAsync(Deadline);

        Assert.Equal("Bearer s3cr3t-token", server.Requests.Single().Headers.Authorization.ToString());
        Assert.Equal("HTTP/2", server.Requests.Single().Protocol);
    }

    [Fact]
    public async Task InCluster_TempFiles_ConnectWithCaTokenAndNamespace()
    {
        using var certs = TestCertificates.Create();
        await using var server = await StartTlsServerAsync(certs, requireClientCertificate: false);
        using var dir = new TempDirectory();
        dir.Write("token", "token-one\n");
        dir.Write("ca.crt", certs.CaPem);
        dir.Write("namespace", "kubeedge");
        var env = new Dictionary<string, string>
        {
            ["KUBERNETES_SERVICE_HOST"] = server.BaseAddress.Host,
            ["KUBERNETES_SERVICE_PORT"] = server.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var time = new ManualTimeProvider();
        var config = InClusterConfigLoader.Load(k => env.GetValueOrDefault(k), InClusterPaths.InDirectory(dir.Path), time);
        using var client = new KubernetesClient(config, ScriptedApiServer.Unlimited, time);
        var pods = client.Resource(KnownResources.Pods);

        await pods.GetAsync(config.Namespace, "web").WaitAsync(Deadline);
        dir.Write("token", "token-two\n");
        await pods.GetAsync(config.Namespace, "web").WaitAsync(Deadline);
        time.Advance(TimeSpan.FromSeconds(61));
        await pods.GetAsync(config.Namespace, "web").WaitAsync(Deadline);

        Assert.Equal("kubeedge", config.Namespace);
        Assert.Equal(
            ["Bearer token-one", "Bearer token-one", "Bearer token-two"],
            server.Requests.Select(r => r.Headers.Authorization.ToString()));
        Assert.All(server.Requests, r => Assert.Equal("/api/v1/namespaces/kubeedge/pods/web", r.Path));
    }

    [Fact]
    public async Task Get_401AfterTokenRotation_RereadsTokenAndRetriesOnce()
    {
        using var dir = new TempDirectory();
        var tokenPath = dir.Write("token", "old");
        await using var server = await ScriptedApiServer.StartAsync((request, response, _) =>
            request.Headers.Authorization.ToString() == "Bearer new"
                ? ScriptedApiServer.WriteJsonAsync(response, 200, K8sJson.Pod("default", "web", "1"))
                : ScriptedApiServer.WriteStatusAsync(response, 401, "Unauthorized", "Unauthorized"));
        var time = new ManualTimeProvider();
        var config = new KubernetesClientConfiguration
        {
            Server = server.BaseAddress,
            Token = new FileTokenSource(tokenPath, time, FileTokenSource.DefaultRefreshPeriod),
        };
        using var client = new KubernetesClient(config, ScriptedApiServer.Unlimited, time);
        dir.Write("token", "new");

        var pod = await client.Resource(KnownResources.Pods).GetAsync("default", "web").WaitAsync(Deadline);

        Assert.Equal("web", pod.Metadata.Name);
        Assert.Equal(["Bearer old", "Bearer new"], server.Requests.Select(r => r.Headers.Authorization.ToString()));
    }

    [Fact]
    public void InCluster_NoServiceEnvironment_ClearError()
    {
        var ex = Assert.Throws<KubeConfigException>(() => InClusterConfigLoader.Load(_ => null));

        Assert.Contains("KUBERNETES_SERVICE_HOST", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InCluster_MissingCaFile_ErrorNamesThePath()
    {
        using var dir = new TempDirectory();
        dir.Write("token", "t");
        var env = new Dictionary<string, string> { ["KUBERNETES_SERVICE_HOST"] = "10.96.0.1", ["KUBERNETES_SERVICE_PORT"] = "443" };

        var ex = Assert.Throws<KubeConfigException>(() => InClusterConfigLoader.Load(k => env.GetValueOrDefault(k), InClusterPaths.InDirectory(dir.Path)));

        Assert.Contains(Path.Combine(dir.Path, "ca.crt"), ex.Message, StringComparison.Ordinal);
    }
}
