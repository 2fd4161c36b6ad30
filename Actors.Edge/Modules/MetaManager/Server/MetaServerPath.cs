using System.Diagnostics.CodeAnalysis;

namespace Actors.Edge.Modules.MetaManager.Server;

/// <summary>A parsed core/v1 path: <c>/api/v1[/namespaces/{ns}]/{plural}[/{name}]</c>.</summary>
internal sealed record MetaServerPath(KubeResources.Resource Resource, string? Namespace, string? Name)
{
    public static bool TryParse(string path, [NotNullWhen(true)] out MetaServerPath? parsed, out string problem)
    {
        parsed = null;
        problem = string.Empty;
        var parts = path.Trim('/').Split('/');
        if (parts.Length < 3 || parts[0] != "api" || parts[1] != "v1")
        {
            problem = $"the server could not find the requested resource ({path})";
            return false;
        }

        string? ns = null;
        var rest = parts[2..];
        if (rest.Length >= 3 && rest[0] == "namespaces")
        {
            ns = rest[1];
            rest = rest[2..];
        }

        if (rest.Length is < 1 or > 2 || !KubeResources.ByPlural.TryGetValue(rest[0], out var resource)
            || (ns is not null && !resource.Namespaced) || rest.Any(p => p.Length == 0))
        {
            problem = $"the server could not find the requested resource ({path}); served: pods, configmaps, secrets, services, nodes";
            return false;
        }

        if (resource.Namespaced && ns is null && rest.Length == 2)
        {
            problem = $"a namespaced {resource.Plural} object needs /namespaces/<ns>/ in its path";
            return false;
        }

        parsed = new MetaServerPath(resource, ns, rest.Length == 2 ? rest[1] : null);
        return true;
    }
}
