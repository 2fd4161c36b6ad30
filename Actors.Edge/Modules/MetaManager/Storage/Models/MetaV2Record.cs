namespace Actors.Edge.Modules.MetaManager.Storage.Models;

/// <summary>
/// One row of KubeEdge's <c>meta_v2</c> table (MetaServer list/watch cache). <paramref name="Key"/> is
/// <c>/&lt;group or core&gt;/&lt;version&gt;/&lt;resource&gt;/&lt;namespace or null&gt;/&lt;name or null&gt;</c>;
/// <paramref name="Namespace"/> and <paramref name="Name"/> are empty where the key says <c>null</c>.
/// </summary>
public sealed record MetaV2Record(
    string Key,
    string GroupVersionResource,
    string Namespace,
    string Name,
    ulong ResourceVersion,
    string Value)
{
    /// <summary>Builds a record whose key is derived from group, version, resource, namespace and name.</summary>
    public static MetaV2Record For(
        string group, string version, string resource, string ns, string name, ulong resourceVersion, string value)
    {
        var key = $"/{(group.Length == 0 ? "core" : group)}/{version}/{resource}/{NullIfEmpty(ns)}/{NullIfEmpty(name)}";
        var gvr = $"{group}/{version}, Resource={resource}";
        return new MetaV2Record(key, gvr, ns, name, resourceVersion, value);
    }

    private static string NullIfEmpty(string s) => s.Length == 0 ? "null" : s;
}
