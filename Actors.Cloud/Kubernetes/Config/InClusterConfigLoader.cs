namespace Actors.Cloud.Kubernetes.Config;

/// <summary>
/// In-cluster service-account configuration: https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT,
/// the CA from ca.crt, the namespace from the namespace file and the token from the token file, re-read
/// as the kubelet rotates it.
/// </summary>
public static class InClusterConfigLoader
{
    public static bool IsInCluster(Func<string, string?> getEnvironment)
    {
        ArgumentNullException.ThrowIfNull(getEnvironment);
        return !string.IsNullOrEmpty(getEnvironment("KUBERNETES_SERVICE_HOST")) && !string.IsNullOrEmpty(getEnvironment("KUBERNETES_SERVICE_PORT"));
    }

    public static KubernetesClientConfiguration Load(Func<string, string?> getEnvironment, InClusterPaths? paths = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(getEnvironment);
        var files = paths ?? InClusterPaths.Default;
        var host = getEnvironment("KUBERNETES_SERVICE_HOST");
        var port = getEnvironment("KUBERNETES_SERVICE_PORT");
        if (string.IsNullOrEmpty(host) || string.IsNullOrEmpty(port))
        {
            throw new KubeConfigException("in-cluster: KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set (not running in a pod?)");
        }
        if (!int.TryParse(port, out var portNumber) || portNumber is < 1 or > 65535)
        {
            throw new KubeConfigException($"in-cluster: KUBERNETES_SERVICE_PORT '{port}' is not a port number");
        }
        var hostPart = host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
        if (!Uri.TryCreate($"https://{hostPart}:{portNumber}", UriKind.Absolute, out var server))
        {
            throw new KubeConfigException($"in-cluster: KUBERNETES_SERVICE_HOST '{host}' is not a host name or address");
        }
        var caPem = PemMaterial.Read(null, files.CertificateAuthorityPath, "ca.crt", "ca.crt", "in-cluster", "/");
        return new KubernetesClientConfiguration
        {
            Server = server,
            CertificateAuthorities = PemMaterial.Certificates(caPem!, files.CertificateAuthorityPath, "in-cluster"),
            Token = new FileTokenSource(files.TokenPath, time ?? TimeProvider.System, FileTokenSource.DefaultRefreshPeriod),
            Namespace = ReadNamespace(files.NamespacePath),
        };
    }

    private static string ReadNamespace(string path)
    {
        try
        {
            var ns = File.ReadAllText(path).Trim();
            return ns.Length > 0 ? ns : "default";
        }
        catch (FileNotFoundException)
        {
            return "default";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"in-cluster: {path} cannot be read: {ex.Message}", ex);
        }
    }
}
