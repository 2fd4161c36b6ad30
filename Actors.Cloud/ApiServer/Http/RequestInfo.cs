namespace Actors.Cloud.ApiServer.Http;

/// <summary>A parsed resource path: /api/v1/... or /apis/group/version/... .</summary>
public sealed record RequestInfo(string Group, string Version, string? Namespace, string Resource, string? Name, string? Subresource)
{
    /// <summary>Parses a resource request path, or returns null when the path is not a resource path.</summary>
    public static RequestInfo? Parse(string path)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group;
        string version;
        int rest;
        if (parts.Length >= 3 && parts[0] == "api")
        {
            (group, version, rest) = (string.Empty, parts[1], 2);
        }
        else if (parts.Length >= 4 && parts[0] == "apis")
        {
            (group, version, rest) = (parts[1], parts[2], 3);
        }
        else
        {
            return null;
        }

        var segs = parts[rest..];
        string? ns = null;
        if (segs.Length >= 3 && segs[0] == "namespaces" && segs[2] is not ("status" or "finalize"))
        {
            ns = segs[1];
            segs = segs[2..];
        }

        return segs.Length switch
        {
            1 => new RequestInfo(group, version, ns, segs[0], null, null),
            2 => new RequestInfo(group, version, ns, segs[0], segs[1], null),
            3 => new RequestInfo(group, version, ns, segs[0], segs[1], segs[2]),
            _ => null,
        };
    }
}
