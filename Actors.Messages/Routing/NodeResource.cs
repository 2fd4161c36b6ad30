using System.Diagnostics.CodeAnalysis;

namespace Actors.Messages.Routing;

/// <summary>
/// A cloud-side resource string <c>node/&lt;nodeId&gt;/&lt;namespace&gt;/&lt;type&gt;[/&lt;name&gt;]</c>
/// (KubeEdge's <c>BuildResource</c>); cluster-scoped objects use the namespace <c>null</c>. An empty
/// <see cref="Name"/> means "no name segment" (e.g. list queries). Segments after the name are kept in the name.
/// </summary>
public sealed record NodeResource(string NodeId, string Namespace, string ResourceType, string Name = "")
{
    /// <summary>Builds the resource, checking what <c>BuildResource</c> checks (node, namespace, type non-empty).</summary>
    public static NodeResource Create(string nodeId, string @namespace, string resourceType, string name = "")
    {
        ResourcePaths.RequireSegment(nodeId, nameof(nodeId));
        ResourcePaths.RequireSegment(@namespace, nameof(@namespace));
        ResourcePaths.RequireSegment(resourceType, nameof(resourceType));
        return new NodeResource(nodeId, @namespace, resourceType, name);
    }

    /// <summary>True for cluster-scoped objects (namespace segment <c>null</c>).</summary>
    public bool IsClusterScoped => Namespace == ResourceTypes.NullNamespace;

    /// <summary>Parses <c>node/&lt;id&gt;/&lt;ns&gt;/&lt;type&gt;[/&lt;name…&gt;]</c>.</summary>
    public static bool TryParse(string resource, [NotNullWhen(true)] out NodeResource? parsed)
    {
        parsed = null;
        var parts = resource.Split('/', 5);
        if (parts.Length < 4 || parts[0] != ResourceTypes.NodePrefix || parts[1].Length == 0
            || parts[2].Length == 0 || parts[3].Length == 0)
        {
            return false;
        }

        parsed = new NodeResource(parts[1], parts[2], parts[3], parts.Length == 5 ? parts[4] : string.Empty);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> naming the input.</summary>
    public static NodeResource Parse(string resource) => TryParse(resource, out var parsed)
        ? parsed
        : throw new FormatException($"'{resource}' is not a node resource (node/<id>/<namespace>/<type>[/<name>])");

    /// <summary>What the edge sees after CloudHub trims <c>node/&lt;id&gt;/</c>.</summary>
    public EdgeResource ToEdge() => new(Namespace, ResourceType, Name);

    public override string ToString() => Name.Length == 0
        ? $"{ResourceTypes.NodePrefix}/{NodeId}/{Namespace}/{ResourceType}"
        : $"{ResourceTypes.NodePrefix}/{NodeId}/{Namespace}/{ResourceType}/{Name}";
}
