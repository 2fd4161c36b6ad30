using System.Text.Json;

namespace Actors.Edge.Modules.EdgeD.Volumes;

/// <summary>Reads an object (configmap, secret) through MetaManager.</summary>
internal interface IMetaQuery
{
    /// <summary>The object at <c>&lt;ns&gt;/&lt;type&gt;/&lt;name&gt;</c>, or null when MetaManager has none.</summary>
    /// <exception cref="VolumeException">MetaManager answered with an error, an unreadable answer, or not in time.</exception>
    Task<JsonElement?> QueryAsync(string ns, string type, string name, CancellationToken cancellationToken);
}
