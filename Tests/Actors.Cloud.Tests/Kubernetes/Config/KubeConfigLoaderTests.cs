using System.Text;
using Actors.Cloud.Kubernetes.Config;
using Actors.Cloud.Tests.Kubernetes.Support;

namespace Actors.Cloud.Tests.Kubernetes.Config;

public sealed class KubeConfigLoaderTests
{
    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string KubeConfig(string server, string cluster = "", string user = "", string ns = "edge") => $"""
        apiVersion: v1
        kind: Config
        current-context: main
        clusters:
        - name: other
          cluster:
            server: https://10.0.0.1:6443
        - name: prod
          cluster:
            server: {server}
        {cluster}
        contexts:
        - name: main
          context:
            cluster: prod
            user: admin
            namespace: {ns}
        users:
        - name: admin
          user:
        {user}
        """;

    [Fact]
    public void Load_TokenUser_ResolvesCurrentContextClusterAndNamespace()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("config", KubeConfig("https://127.0.0.1:6443", "    insecure-skip-tls-verify: true", "    token: abc.def"));

        var config = KubeConfigLoader.Load(path);

        Assert.Equal(new Uri("https://127.0.0.1:6443"), config.Server);
        Assert.True(config.InsecureSkipTlsVerify);
        Assert.Equal("edge", config.Namespace);
        Assert.Equal("abc.def", config.Token!.GetToken(false));
        Assert.Null(config.ClientCertificate);
    }

    [Fact]
    public void Load_RelativeFiles_ResolvedAgainstTheKubeconfigDirectory()
    {
        using var certs = TestCertificates.Create();
        using var dir = new TempDirectory();
        dir.Write("ca.pem", certs.CaPem);
        dir.Write("client.pem", certs.ClientCertificatePem);
        dir.Write("client.key", certs.ClientKeyPem);
        dir.Write("token", "from-file\n");
        var path = dir.Write("config", KubeConfig("https://127.0.0.1:6443", "    certificate-authority: ca.pem",
            "    client-certificate: client.pem\n    client-key: client.key\n    tokenFile: token"));

        var config = KubeConfigLoader.Load(path);

        Assert.Equal(certs.Ca.Thumbprint, config.CertificateAuthorities.Single().Thumbprint);
        Assert.Equal(certs.Client.Thumbprint, config.ClientCertificate!.Thumbprint);
        Assert.True(config.ClientCertificate.HasPrivateKey);
        Assert.Equal("from-file", config.Token!.GetToken(false));
    }

    [Fact]
    public void Load_MissingServer_ErrorNamesFileAndField()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("config", KubeConfig("", user: "    token: x"));

        var ex = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("clusters[prod].cluster.server is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadBase64_ErrorNamesTheField()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("config", KubeConfig("https://127.0.0.1:6443", "    certificate-authority-data: '***not base64***'"));

        var ex = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.Load(path));

        Assert.Contains("certificate-authority-data is not valid base64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CertificateWithoutKey_ErrorNamesTheMissingField()
    {
        using var certs = TestCertificates.Create();
        using var dir = new TempDirectory();
        var path = dir.Write("config", KubeConfig("https://127.0.0.1:6443", user: $"    client-certificate-data: {B64(certs.ClientCertificatePem)}"));

        var ex = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.Load(path));

        Assert.Contains("users[admin].user: client-certificate is set but client-key(-data) is missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownContext_ErrorNamesTheContext()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("config", KubeConfig("https://127.0.0.1:6443"));

        var ex = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.Load(path, context: "staging"));

        Assert.Contains("contexts has no entry named 'staging'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidYaml_ErrorNamesFileAndLine()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("config", "clusters:\n  - name: [unclosed\n");

        var ex = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("invalid kubeconfig YAML at line", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ErrorNamesThePath()
    {
        var ex = Assert.Throws<KubeConfigException>(() => KubeConfigLoader.Load("/nonexistent/kubeconfig"));

        Assert.Contains("/nonexistent/kubeconfig", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultPath_KubeconfigVariable_TakesItsFirstEntry()
    {
        var env = new Dictionary<string, string> { ["KUBECONFIG"] = "/a/one:/b/two", ["HOME"] = "/home/u" };

        Assert.Equal("/a/one", KubeConfigLoader.DefaultPath(k => env.GetValueOrDefault(k)));
        Assert.Equal("/home/u/.kube/config", KubeConfigLoader.DefaultPath(k => k == "HOME" ? "/home/u" : null));
    }
}
