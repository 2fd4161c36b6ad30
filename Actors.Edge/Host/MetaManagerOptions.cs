using Actors.Kernel.Configuration;
using Actors.Kernel.Configuration.Binding;

namespace Actors.Edge.Host;

/// <summary>
/// <c>edgecore.modules.metamanager</c>: local metadata cache and metaserver. The database is
/// <c>&lt;data-dir&gt;/edgecore.db</c>.
/// </summary>
public sealed record MetaManagerOptions(
    bool Enable,
    TimeSpan PodStatusSyncInterval,
    bool MetaServerEnable,
    string MetaServer,
    TimeSpan RemoteQueryTimeout,
    TimeSpan BusyTimeout,
    int WriteBatchSize)
{
    public const string Path = "edgecore.modules.metamanager";
    public const int DefaultPodStatusSyncSeconds = 60;
    public const string DefaultMetaServer = "127.0.0.1:10550";
    public const int DefaultWriteBatchSize = 256;

    public static MetaManagerOptions From(ConfigBinder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new MetaManagerOptions(
            b.Bool(Path + ".enable", true),
            b.Duration(Path + ".pod-status-sync-interval", TimeSpan.FromSeconds(DefaultPodStatusSyncSeconds)),
            b.Bool(Path + ".metaserver.enable", false),
            b.Endpoint(Path + ".metaserver.server", DefaultMetaServer, allowPortZero: true),
            b.Duration(Path + ".remote-query-timeout", TimeSpan.FromSeconds(60)),
            b.Duration(Path + ".busy-timeout", TimeSpan.FromSeconds(5)),
            b.Int(Path + ".write-batch-size", DefaultWriteBatchSize, min: 1, max: 10_000));
    }

    public static MetaManagerOptions From(Config c) => OptionsBinding.Bind(c, From);
}
