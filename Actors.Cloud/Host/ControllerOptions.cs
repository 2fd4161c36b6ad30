using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Cloud.Host;

/// <summary><c>cloudcore.modules.edgecontroller</c>, <c>devicecontroller</c> and <c>router</c>.</summary>
public sealed record ControllerOptions(
    bool EdgeControllerEnable, TimeSpan NodeUpdateFrequency, bool DeviceControllerEnable, int DeviceBuffer, int DeviceWorkers,
    bool RouterEnable, string RouterAddress, int RouterPort, TimeSpan RouterRestTimeout,
    int UpstreamWorkers = ControllerOptions.DefaultUpstreamWorkers, TimeSpan InformerResync = default,
    double KubeApiQps = ControllerOptions.DefaultKubeApiQps, int KubeApiBurst = ControllerOptions.DefaultKubeApiBurst)
{
    /// <summary>How often the router adds its delivery counters to each rule's status.</summary>
    public TimeSpan RouterRuleStatusInterval { get; init; } = TimeSpan.FromSeconds(DefaultRuleStatusSeconds);

    public const string Path = "cloudcore.modules";
    public const int DefaultNodeUpdateSeconds = 10;
    public const int DefaultDeviceBuffer = 1024;
    public const int DefaultDeviceWorkers = 1;
    public const int DefaultRouterPort = 9443;
    public const int DefaultRouterRestTimeoutSeconds = 60;
    public const int DefaultUpstreamWorkers = 8;
    public const int DefaultRuleStatusSeconds = 10;

    /// <summary>KubeEdge: 5 × the default node limit (500).</summary>
    public const double DefaultKubeApiQps = 2500;

    /// <summary>KubeEdge: 10 × the default node limit.</summary>
    public const int DefaultKubeApiBurst = 5000;

    public static ControllerOptions From(ConfigBinder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var ruleStatus = b.Duration(Path + ".router.rule-status-interval", TimeSpan.FromSeconds(DefaultRuleStatusSeconds));
        return new ControllerOptions(
            b.Bool(Path + ".edgecontroller.enable", true),
            b.Duration(Path + ".edgecontroller.node-update-frequency", TimeSpan.FromSeconds(DefaultNodeUpdateSeconds)),
            b.Bool(Path + ".devicecontroller.enable", true),
            b.Int(Path + ".devicecontroller.buffer", DefaultDeviceBuffer, 1, 1_000_000),
            b.Int(Path + ".devicecontroller.workers", DefaultDeviceWorkers, 1, 1024),
            b.Bool(Path + ".router.enable", false),
            CloudHubOptions.Address(b, Path + ".router.address"),
            b.Int(Path + ".router.port", DefaultRouterPort, 1, 65535),
            b.Duration(Path + ".router.rest-timeout", TimeSpan.FromSeconds(DefaultRouterRestTimeoutSeconds)),
            b.Int(Path + ".edgecontroller.upstream-workers", DefaultUpstreamWorkers, 1, 1024),
            b.Duration(Path + ".edgecontroller.informer-resync", TimeSpan.Zero, allowZero: true),
            b.Int(Path + ".edgecontroller.kube-api-qps", (int)DefaultKubeApiQps, 0, 1_000_000),
            b.Int(Path + ".edgecontroller.kube-api-burst", DefaultKubeApiBurst, 1, 1_000_000)) { RouterRuleStatusInterval = ruleStatus };
    }

    public static ControllerOptions From(Config c) => OptionsBinding.Bind(c, From);
}
