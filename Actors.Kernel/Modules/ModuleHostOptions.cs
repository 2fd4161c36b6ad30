namespace Actors.Kernel.Modules;

/// <summary>Options of a <see cref="ModuleHost"/> (hosts bind them from their configuration).</summary>
public sealed record ModuleHostOptions(ModuleCorrelation Correlation)
{
    /// <summary>Default of <see cref="RestartBufferCapacity"/> (beehive's module channel size).</summary>
    public const int DefaultRestartBufferCapacity = 1024;

    /// <summary>beehive's <c>MessageTimeoutDefault</c>: used when SendSync is given no positive timeout.</summary>
    public static TimeSpan DefaultSyncTimeout { get; } = TimeSpan.FromSeconds(30);

    public TimeSpan SyncTimeout { get; init; } = DefaultSyncTimeout;

    /// <summary>Names of modules disabled by configuration, in addition to modules whose <c>Enabled</c> is false.</summary>
    public IReadOnlySet<string> Disabled { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Name of the bus actor under <c>/user</c>; modules are its children.</summary>
    public string ActorName { get; init; } = "modules";

    /// <summary>Optional per-module mailbox bound (KubeEdge uses 1024); null = unbounded. Overflow → dead letters.</summary>
    public int? MailboxCapacity { get; init; }

    /// <summary>
    /// Messages kept per module while it is down between incarnations (default 1024, beehive's channel size; must be ≥ 1); they
    /// reach the next incarnation in order. When full, the newest message is refused (dead letter + ModuleDeliveryFailed).
    /// </summary>
    public int RestartBufferCapacity { get; init; } = DefaultRestartBufferCapacity;

    /// <summary>Options for a host: <paramref name="known"/> module names minus <paramref name="enabled"/> are disabled.</summary>
    public static ModuleHostOptions ForHost(ModuleCorrelation correlation, IEnumerable<string> known, IReadOnlyCollection<string> enabled)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(enabled);
        var disabled = known.Where(m => !enabled.Contains(m)).ToHashSet(StringComparer.Ordinal);
        return new ModuleHostOptions(correlation) { Disabled = disabled };
    }
}
