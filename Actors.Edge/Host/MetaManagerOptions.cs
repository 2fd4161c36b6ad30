using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge.Host;

/// <summary><c>edgecore.modules.metamanager</c>: local metadata cache and metaserver.</summary>
public sealed record MetaManagerOptions(bool Enable, TimeSpan PodStatusSyncInterval, bool MetaServerEnable, string MetaServer)
{
    public const string Path = "edgecore.modules.metamanager";
    public const int DefaultPodStatusSyncSeconds = 60;
    public const string DefaultMetaServer = "127.0.0.1:10550";

    public static MetaManagerOptions From(ConfigBinder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new MetaManagerOptions(
            b.Bool(Path + ".enable", true),
            b.Duration(Path + ".pod-status-sync-interval", TimeSpan.FromSeconds(DefaultPodStatusSyncSeconds)),
            b.Bool(Path + ".metaserver.enable", false),
            b.Endpoint(Path + ".metaserver.server", DefaultMetaServer));
    }

    public static MetaManagerOptions From(Config c) => OptionsBinding.Bind(c, From);
}
