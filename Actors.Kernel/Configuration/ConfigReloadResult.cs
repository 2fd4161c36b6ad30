namespace Actors.Kernel.Configuration;

/// <summary>Outcome of <see cref="ConfigReloader.Reload"/>.</summary>
/// <param name="Config">The config now in effect (unchanged when <paramref name="Error"/> is set).</param>
/// <param name="ChangedKeys">Leaf paths added, removed or changed, sorted.</param>
/// <param name="Reloadable">Changed keys under a registered reloadable prefix (applied live).</param>
/// <param name="RequiresRestart">Changed keys that only take effect after a restart.</param>
/// <param name="Error">Why the new config was rejected, or null.</param>
public sealed record ConfigReloadResult(
    Config Config,
    IReadOnlyList<string> ChangedKeys,
    IReadOnlyList<string> Reloadable,
    IReadOnlyList<string> RequiresRestart,
    string? Error);
