using System.Collections.Immutable;

namespace Actors.Cloud.ApiServer.Resources;

/// <summary>The set of served resources. Built-ins are fixed; CRD-backed entries are replaced when CRDs change.</summary>
public sealed class ResourceRegistry
{
    private readonly Lock _lock = new();
    private ImmutableList<ResourceType> _builtins;
    private ImmutableDictionary<string, ImmutableList<ResourceType>> _custom =
        ImmutableDictionary<string, ImmutableList<ResourceType>>.Empty;

    public ResourceRegistry(IEnumerable<ResourceType> builtins)
    {
        _builtins = [.. builtins];
    }

    /// <summary>Raised after the set changes (CRD installed/removed), e.g. to rebuild OpenAPI documents.</summary>
    public event Action? Changed;

    public IReadOnlyList<ResourceType> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _builtins, .. _custom.Values.SelectMany(v => v)];
            }
        }
    }

    public ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Plural == plural);

    public ResourceType? FindByKind(string group, string version, string kind) =>
        All.FirstOrDefault(r => r.Group == group && r.Version == version && r.Kind == kind);

    /// <summary>Groups in a stable order: core first, then built-in groups, then CRD groups, each with its versions.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<string> Versions)> Groups() =>
        All.GroupBy(r => r.Group)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.Select(r => r.Version).Distinct().ToList()))
            .ToList();

    /// <summary>Installs (or replaces) the resources served for one CRD, keyed by its name.</summary>
    public void SetCustom(string crdName, IReadOnlyList<ResourceType> versions)
    {
        lock (_lock)
        {
            _custom = versions.Count == 0 ? _custom.Remove(crdName) : _custom.SetItem(crdName, [.. versions]);
        }

        Changed?.Invoke();
    }

    public void RemoveCustom(string crdName) => SetCustom(crdName, []);
}
