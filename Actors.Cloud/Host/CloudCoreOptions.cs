using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Cloud.Host;

/// <summary>Host-wide cloudcore settings (<c>cloudcore.*</c> outside <c>modules</c>) and the embedded API server.</summary>
public sealed record CloudCoreOptions(string DataDir, string Kubeconfig, string LogLevel, string LogFormat, bool ApiServerEnable, string ApiServerListen)
{
    public const string Path = "cloudcore";
    public const int DefaultMetricsPort = 10351;
    public const string DefaultDataDir = "/var/lib/edgeactors/cloudcore";
    public const string DefaultLogLevel = "info";
    public const string DefaultLogFormat = "text";
    public const string DefaultApiServerListen = "127.0.0.1:6443";

    public static CloudCoreOptions From(ConfigBinder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var level = b.String(Path + ".log-level", DefaultLogLevel);
        if (LogLevels.TryParse(level) is null)
        {
            b.Error(Path + ".log-level", $"unknown log level '{level}', expected one of {string.Join(", ", LogLevels.Names)}");
        }

        var o = new CloudCoreOptions(
            b.String(Path + ".data-dir", DefaultDataDir, allowEmpty: false),
            b.String(Path + ".kubeconfig", string.Empty),
            level,
            b.OneOf(Path + ".log-format", DefaultLogFormat, [.. HostLogging.Formats]),
            b.Bool(Path + ".modules.apiserver.enable", true),
            b.Endpoint(Path + ".modules.apiserver.listen", DefaultApiServerListen, allowPortZero: true))
        {
            MetricsPort = b.Int(Path + ".metrics.port", DefaultMetricsPort, 0, 65535),
        };

        return o;
    }

    public static CloudCoreOptions From(Config c) => OptionsBinding.Bind(c, From);

    /// <summary>
    /// Where the Kubernetes API comes from: a kubeconfig file when <c>kubeconfig</c> is set; else the embedded server
    /// when <c>modules.apiserver.enable</c> is on; else the pod's service account (in-cluster, as client-go falls
    /// back to), which fails at start-up with a clear message outside a cluster.
    /// </summary>
    public KubernetesApiSource ApiSource =>
        Kubeconfig.Length > 0 ? KubernetesApiSource.Kubeconfig
        : ApiServerEnable ? KubernetesApiSource.Embedded
        : KubernetesApiSource.InCluster;

    /// <summary>Port of the health/metrics endpoint on 127.0.0.1 (<c>cloudcore.metrics.port</c>); 0 = off.</summary>
    public int MetricsPort { get; init; } = DefaultMetricsPort;
}
