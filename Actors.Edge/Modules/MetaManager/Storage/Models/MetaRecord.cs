namespace Actors.Edge.Modules.MetaManager.Storage.Models;

/// <summary>
/// One row of KubeEdge's <c>meta</c> table: <paramref name="Key"/> is the edge resource string
/// (<c>&lt;namespace&gt;/&lt;type&gt;/&lt;name&gt;</c>, e.g. <c>default/pod/nginx</c>, <c>null/node/edge-1</c>),
/// <paramref name="Type"/> the resource type segment and <paramref name="Value"/> the object's JSON.
/// </summary>
public sealed record MetaRecord(string Key, string Type, string Value)
{
    /// <summary>Builds a record with the key <c>&lt;namespace&gt;/&lt;type&gt;/&lt;name&gt;</c>.</summary>
    public static MetaRecord For(string ns, string type, string name, string value) => new($"{ns}/{type}/{name}", type, value);
}
