using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge.Host;

/// <summary><c>edgecore.modules.edged</c>: pod lifecycle, runtime and garbage collection.</summary>
public sealed record EdgedOptions(
    bool Enable, string Runtime, string CriEndpoint, TimeSpan PlegRelistPeriod, TimeSpan NodeStatusUpdateFrequency,
    TimeSpan ContainerGcMinAge, TimeSpan ImageGcPeriod, int ImageGcHighThreshold, int ImageGcLowThreshold,
    TimeSpan PodStatusUpdateFrequency, bool HostNetworkOnly, TimeSpan RestartBackoffInitial, TimeSpan RestartBackoffMax,
    int ContainerGcMaxPerPodContainer, int ContainerGcMaxContainers, TimeSpan NodeLeaseDuration)
{
    public const string Path = "edgecore.modules.edged";
    public const string DefaultRuntime = "process";
    public const string DefaultCriEndpoint = "unix:///run/containerd/containerd.sock";
    public const int DefaultImageGcHighThreshold = 85;
    public const int DefaultImageGcLowThreshold = 80;

    public static EdgedOptions From(ConfigBinder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var o = new EdgedOptions(
            b.Bool(Path + ".enable", true),
            b.OneOf(Path + ".runtime", DefaultRuntime, "process", "cri"),
            b.Uri(Path + ".cri-endpoint", DefaultCriEndpoint, false, "unix", "tcp"),
            b.Duration(Path + ".pleg-relist-period", TimeSpan.FromSeconds(1)),
            b.Duration(Path + ".node-status-update-frequency", TimeSpan.FromSeconds(10)),
            b.Duration(Path + ".container-gc-min-age", TimeSpan.FromMinutes(1), allowZero: true),
            b.Duration(Path + ".image-gc-period", TimeSpan.FromSeconds(5)),
            b.Int(Path + ".image-gc-high-threshold", DefaultImageGcHighThreshold, 0, 100),
            b.Int(Path + ".image-gc-low-threshold", DefaultImageGcLowThreshold, 0, 100),
            b.Duration(Path + ".pod-status-update-frequency", TimeSpan.FromSeconds(10)),
            b.Bool(Path + ".host-network-only", false),
            b.Duration(Path + ".restart-backoff-initial", TimeSpan.FromSeconds(10)),
            b.Duration(Path + ".restart-backoff-max", TimeSpan.FromMinutes(5)),
            b.Int(Path + ".container-gc-max-per-pod-container", 1, 0),
            b.Int(Path + ".container-gc-max-containers", -1, -1),
            b.Duration(Path + ".node-lease-duration", TimeSpan.FromSeconds(40), allowZero: true));
        if (o.ImageGcLowThreshold > o.ImageGcHighThreshold)
        {
            b.Error(Path + ".image-gc-low-threshold", $"must not exceed image-gc-high-threshold ({o.ImageGcHighThreshold}), got {o.ImageGcLowThreshold}");
        }

        if (o.RestartBackoffMax < o.RestartBackoffInitial)
        {
            b.Error(Path + ".restart-backoff-max", $"must not be below restart-backoff-initial ({o.RestartBackoffInitial}), got {o.RestartBackoffMax}");
        }

        return o;
    }

    public static EdgedOptions From(Config c) => OptionsBinding.Bind(c, From);
}
