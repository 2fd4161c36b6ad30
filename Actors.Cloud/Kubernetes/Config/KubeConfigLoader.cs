using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Actors.Cloud.Kubernetes.Config;

/// <summary>
/// Loads a kubeconfig file: the current (or named) context, its cluster (server, CA, skip-verify,
/// tls-server-name) and user (client certificate and key, token or tokenFile), and its namespace.
/// Relative file references are resolved against the kubeconfig's directory, as kubectl does.
/// </summary>
public static class KubeConfigLoader
{
    /// <summary>$KUBECONFIG (first entry) or ~/.kube/config.</summary>
    public static string DefaultPath(Func<string, string?> getEnvironment)
    {
        ArgumentNullException.ThrowIfNull(getEnvironment);
        var fromEnv = getEnvironment("KUBECONFIG");
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return fromEnv.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)[0];
        }
        var home = getEnvironment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".kube", "config");
    }

    public static KubernetesClientConfiguration Load(string path, string? context = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new KubeConfigException($"{path}: cannot read the kubeconfig: {ex.Message}", ex);
        }
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Parse(text, path, baseDirectory, context, time ?? TimeProvider.System);
    }

    /// <summary>Parses kubeconfig text; <paramref name="source"/> names it in errors.</summary>
    public static KubernetesClientConfiguration Parse(string yaml, string source, string baseDirectory, string? context, TimeProvider time)
    {
        var file = Deserialize(yaml, source);
        var contextName = context ?? file.CurrentContext;
        if (string.IsNullOrEmpty(contextName))
        {
            throw new KubeConfigException($"{source}: current-context is not set and no context was requested");
        }
        var ctx = file.Contexts?.FirstOrDefault(c => c.Name == contextName)?.Context
            ?? throw new KubeConfigException($"{source}: contexts has no entry named '{contextName}'");
        var cluster = file.Clusters?.FirstOrDefault(c => c.Name == ctx.Cluster)?.Cluster
            ?? throw new KubeConfigException($"{source}: clusters has no entry named '{ctx.Cluster}' (context '{contextName}')");
        var where = $"{source}: clusters[{ctx.Cluster}].cluster";
        var server = ParseServer(cluster.Server, where);
        var caPem = PemMaterial.Read(cluster.CertificateAuthorityData, cluster.CertificateAuthority,
            "certificate-authority-data", "certificate-authority", where, baseDirectory);
        var configuration = new KubernetesClientConfiguration
        {
            Server = server,
            CertificateAuthorities = caPem is null ? [] : PemMaterial.Certificates(caPem, "certificate-authority", where),
            InsecureSkipTlsVerify = cluster.InsecureSkipTlsVerify,
            TlsServerName = string.IsNullOrEmpty(cluster.TlsServerName) ? null : cluster.TlsServerName,
            Namespace = string.IsNullOrEmpty(ctx.Namespace) ? "default" : ctx.Namespace,
        };
        if (string.IsNullOrEmpty(ctx.User))
        {
            return configuration;
        }
        var user = file.Users?.FirstOrDefault(u => u.Name == ctx.User)?.User
            ?? throw new KubeConfigException($"{source}: users has no entry named '{ctx.User}' (context '{contextName}')");
        return WithUser(configuration, user, $"{source}: users[{ctx.User}].user", baseDirectory, time);
    }

    private static KubeConfigFile Deserialize(string yaml, string source)
    {
        try
        {
            var deserializer = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();
            return deserializer.Deserialize<KubeConfigFile?>(yaml) ?? throw new KubeConfigException($"{source}: the kubeconfig is empty");
        }
        catch (YamlException ex)
        {
            throw new KubeConfigException($"{source}: invalid kubeconfig YAML at line {ex.Start.Line}: {ex.Message}", ex);
        }
    }

    private static Uri ParseServer(string? server, string where)
    {
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new KubeConfigException($"{where}.server is missing");
        }
        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new KubeConfigException($"{where}.server '{server}' is not an http(s) URL");
        }
        return uri;
    }

    private static KubernetesClientConfiguration WithUser(
        KubernetesClientConfiguration configuration, UserEntry user, string where, string baseDirectory, TimeProvider time)
    {
        var certPem = PemMaterial.Read(user.ClientCertificateData, user.ClientCertificate,
            "client-certificate-data", "client-certificate", where, baseDirectory);
        var keyPem = PemMaterial.Read(user.ClientKeyData, user.ClientKey, "client-key-data", "client-key", where, baseDirectory);
        if ((certPem is null) != (keyPem is null))
        {
            throw new KubeConfigException(certPem is null
                ? $"{where}: client-key is set but client-certificate(-data) is missing"
                : $"{where}: client-certificate is set but client-key(-data) is missing");
        }
        ITokenSource? token = null;
        if (!string.IsNullOrWhiteSpace(user.Token))
        {
            token = new StaticTokenSource(user.Token.Trim());
        }
        else if (!string.IsNullOrWhiteSpace(user.TokenFile))
        {
            var tokenPath = Path.IsPathRooted(user.TokenFile) ? user.TokenFile : Path.Combine(baseDirectory, user.TokenFile);
            token = new FileTokenSource(tokenPath, time, FileTokenSource.DefaultRefreshPeriod);
        }
        return configuration with
        {
            ClientCertificate = certPem is null ? null : PemMaterial.ClientCertificate(certPem, keyPem!, where),
            Token = token,
        };
    }
}
