using System.Net;
using Actors.Edge.Host;
using Actors.Edge.Modules.MetaManager.Storage;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.MetaManager;

/// <summary>
/// What the MetaManager actor needs at start: the database file, the store settings, timers and the MetaServer
/// endpoint (null = MetaServer off). <see cref="OpenStore"/> is replaceable for tests (e.g. a store that fails writes).
/// </summary>
public sealed record MetaManagerSettings(
    string DatabasePath,
    MetaStoreOptions StoreOptions,
    TimeSpan PodStatusSyncInterval,
    TimeSpan RemoteQueryTimeout,
    IPEndPoint? MetaServer)
{
    /// <summary>KubeEdge's <c>remoteQueryTimeout</c> default.</summary>
    public static TimeSpan DefaultRemoteQueryTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Delay before a cloud message whose store write failed is processed again (doubling, capped at 30 s).</summary>
    public TimeSpan WriteRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Most cloud messages written in one transaction (group commit); 1 = one transaction per message.</summary>
    public int WriteBatchSize { get; init; } = 256;

    /// <summary>Called with the MetaServer's base URL once it listens (hosts and tests that bind port 0).</summary>
    public Action<Uri>? MetaServerStarted { get; init; }

    /// <summary>Opens the store; the default is <see cref="SqliteMetaStore"/> on <see cref="DatabasePath"/>.</summary>
    public Func<ILogger, TimeProvider, IMetaStore>? OpenStore { get; init; }

    /// <summary>Settings from the bound options: database <c>&lt;data-dir&gt;/edgecore.db</c>.</summary>
    public static MetaManagerSettings From(EdgeCoreOptions core, MetaManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(options);
        var server = options.MetaServerEnable ? IPEndPoint.Parse(options.MetaServer) : null;
        return new MetaManagerSettings(
            Path.Combine(core.DataDir, "edgecore.db"),
            new MetaStoreOptions(BusyTimeout: options.BusyTimeout),
            options.PodStatusSyncInterval,
            options.RemoteQueryTimeout,
            server)
        {
            WriteBatchSize = options.WriteBatchSize,
        };
    }

    internal IMetaStore Open(ILogger logger, TimeProvider time)
    {
        if (OpenStore is { } open)
        {
            return open(logger, time);
        }

        var dir = Path.GetDirectoryName(Path.GetFullPath(DatabasePath));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        return new SqliteMetaStore(DatabasePath, StoreOptions, logger, time, null);
    }
}
