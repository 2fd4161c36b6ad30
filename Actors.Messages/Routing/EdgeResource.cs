using System.Diagnostics.CodeAnalysis;

namespace Actors.Messages.Routing;

/// <summary>
/// An edge-side resource string <c>&lt;namespace&gt;/&lt;type&gt;[/&lt;name&gt;]</c> as the edge sends and receives
/// it (MetaManager's <c>parseResource</c>: 3 tokens = namespace, type, name; 2 tokens = a list of a type).
/// </summary>
public sealed record EdgeResource(string Namespace, string ResourceType, string Name = "")
{
    /// <summary>True when there is no name segment (a list query).</summary>
    public bool IsList => Name.Length == 0;

    /// <summary>True for cluster-scoped objects (namespace segment <c>null</c>).</summary>
    public bool IsClusterScoped => Namespace == ResourceTypes.NullNamespace;

    /// <summary>Parses <c>&lt;ns&gt;/&lt;type&gt;</c> or <c>&lt;ns&gt;/&lt;type&gt;/&lt;name&gt;</c>; anything else fails.</summary>
    public static bool TryParse(string resource, [NotNullWhen(true)] out EdgeResource? parsed)
    {
        parsed = null;
        var parts = resource.Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(p => p.Length == 0))
        {
            return false;
        }

        parsed = new EdgeResource(parts[0], parts[1], parts.Length == 3 ? parts[2] : string.Empty);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> naming the input.</summary>
    public static EdgeResource Parse(string resource) => TryParse(resource, out var parsed)
        ? parsed
        : throw new FormatException($"'{resource}' is not an edge resource (<namespace>/<type>[/<name>])");

    /// <summary>The cloud-side form CloudHub builds by prefixing <c>node/&lt;nodeId&gt;/</c>.</summary>
    public NodeResource ToNode(string nodeId) => NodeResource.Create(nodeId, Namespace, ResourceType, Name);

    public override string ToString() => IsList ? $"{Namespace}/{ResourceType}" : $"{Namespace}/{ResourceType}/{Name}";
}
