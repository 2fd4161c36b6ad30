using System.Collections.Concurrent;
using Actors.Kernel.Actor;

namespace Actors.Kernel.Diagnostics;

/// <summary>
/// Readiness of a host's components (get it with <see cref="Get"/>). A component is declared with
/// <see cref="Expect"/> (not ready until it reports) and reports with <see cref="Report"/>; the host is ready when
/// every declared component is. Liveness is the actor system itself (served by <see cref="DiagnosticsServer"/>).
/// </summary>
public sealed class HealthRegistry
{
    private readonly ConcurrentDictionary<string, HealthEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>The registry of <paramref name="system"/> (created on first use).</summary>
    public static HealthRegistry Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.GetOrAddExtension(_ => new HealthRegistry());
    }

    /// <summary>Declares a component that must become ready (no-op when it already reported).</summary>
    public void Expect(string component) =>
        _entries.TryAdd(Check(component), new HealthEntry(component, false, "starting"));

    /// <summary>Sets a component's readiness with a short reason (shown by <c>/readyz?verbose</c>).</summary>
    public void Report(string component, bool ready, string detail) =>
        _entries[Check(component)] = new HealthEntry(component, ready, detail ?? string.Empty);

    /// <summary>Forgets a component (e.g. a module disabled at run time).</summary>
    public void Remove(string component) => _entries.TryRemove(component, out _);

    /// <summary>Every component, sorted by name.</summary>
    public IReadOnlyList<HealthEntry> Entries => [.. _entries.Values.OrderBy(e => e.Component, StringComparer.Ordinal)];

    /// <summary>True when every declared component is ready.</summary>
    public bool IsReady => _entries.Values.All(e => e.Ready);

    private static string Check(string component) =>
        string.IsNullOrWhiteSpace(component) ? throw new ArgumentException("component name is empty", nameof(component)) : component;
}
