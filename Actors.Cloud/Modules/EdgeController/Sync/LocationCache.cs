namespace Actors.Cloud.Modules.EdgeController.Sync;

/// <summary>
/// Which edge node needs which configmap, secret and service account (KubeEdge's <c>LocationCache</c>): built from the
/// pods bound to edge nodes, counted per node so that a node keeps an object while any of its pods uses it. Keys are
/// <c>&lt;namespace&gt;/&lt;name&gt;</c>. Owned by one actor; not thread-safe.
/// </summary>
public sealed class LocationCache
{
    private readonly Dictionary<string, Entry> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<(ReferenceKind Kind, string Key), Dictionary<string, int>> _users = [];

    /// <summary>The kinds of object a pod references.</summary>
    public enum ReferenceKind
    {
        ConfigMap,
        Secret,
        ServiceAccount,
    }

    /// <summary>Pods tracked.</summary>
    public int PodCount => _pods.Count;

    /// <summary>Records (or replaces) what the pod <paramref name="podKey"/> on <paramref name="node"/> references.</summary>
    public void SetPod(string podKey, string node, string @namespace, PodReferences references)
    {
        RemovePod(podKey);
        var entry = new Entry(node, @namespace, references);
        _pods[podKey] = entry;
        foreach (var (kind, key) in Keys(entry))
        {
            if (!_users.TryGetValue((kind, key), out var nodes))
            {
                nodes = new Dictionary<string, int>(StringComparer.Ordinal);
                _users[(kind, key)] = nodes;
            }

            nodes[node] = nodes.GetValueOrDefault(node) + 1;
        }
    }

    /// <summary>Forgets a pod; objects only it used are no longer needed by its node.</summary>
    public void RemovePod(string podKey)
    {
        if (!_pods.Remove(podKey, out var entry))
        {
            return;
        }

        foreach (var (kind, key) in Keys(entry))
        {
            if (!_users.TryGetValue((kind, key), out var nodes) || !nodes.TryGetValue(entry.Node, out var count))
            {
                continue;
            }

            if (count <= 1)
            {
                nodes.Remove(entry.Node);
                if (nodes.Count == 0)
                {
                    _users.Remove((kind, key));
                }
            }
            else
            {
                nodes[entry.Node] = count - 1;
            }
        }
    }

    /// <summary>The nodes whose pods use the object (empty when none).</summary>
    public IReadOnlyCollection<string> NodesUsing(ReferenceKind kind, string @namespace, string name) =>
        _users.TryGetValue((kind, @namespace + "/" + name), out var nodes) ? nodes.Keys : [];

    /// <summary>Whether a pod on <paramref name="node"/> uses the object: the authorisation of edge queries.</summary>
    public bool IsUsedBy(string node, ReferenceKind kind, string @namespace, string name) =>
        _users.TryGetValue((kind, @namespace + "/" + name), out var nodes) && nodes.ContainsKey(node);

    /// <summary>The configmaps and secrets (<c>ns/name</c>) the node's pods use.</summary>
    public IReadOnlyList<(ReferenceKind Kind, string Key)> ObjectsOf(string node) =>
        _users.Where(u => u.Key.Kind != ReferenceKind.ServiceAccount && u.Value.ContainsKey(node)).Select(u => u.Key).ToList();

    private static IEnumerable<(ReferenceKind, string)> Keys(Entry entry)
    {
        foreach (var name in entry.References.ConfigMaps)
        {
            yield return (ReferenceKind.ConfigMap, entry.Namespace + "/" + name);
        }

        foreach (var name in entry.References.Secrets)
        {
            yield return (ReferenceKind.Secret, entry.Namespace + "/" + name);
        }

        yield return (ReferenceKind.ServiceAccount, entry.Namespace + "/" + entry.References.ServiceAccount);
    }

    private sealed record Entry(string Node, string Namespace, PodReferences References);
}
