namespace Actors.Messages.Routing;

/// <summary>
/// Resource-string rules between cloud and edge, as KubeEdge applies them: CloudHub trims <c>node/&lt;id&gt;/</c>
/// before writing to the edge and prefixes it to everything the edge sends; device and router resources have their
/// own shapes.
/// </summary>
public static class ResourcePaths
{
    public const char Separator = '/';

    /// <summary>Device resource segment and suffixes (<c>messagelayer</c> constants).</summary>
    public const string TwinEdgeUpdatedSuffix = "twin/edge_updated";
    public const string StateUpdateSuffix = "state/update";
    public const string MembershipDetail = "membership/detail";
    public const string TwinCloudUpdatedSuffix = "twin/cloud_updated";

    /// <summary>
    /// CloudHub's <c>TrimMessage</c>: if the resource starts with "node" and has at least 3 segments, drop the first
    /// two (<c>node/&lt;id&gt;/</c>). Anything else is returned unchanged. Like KubeEdge this is a plain prefix test.
    /// </summary>
    public static string TrimForEdge(string resource)
    {
        if (!resource.StartsWith(ResourceTypes.NodePrefix, StringComparison.Ordinal))
        {
            return resource;
        }

        var parts = resource.Split(Separator, 3);
        return parts.Length < 3 ? resource : parts[2];
    }

    /// <summary>CloudHub's upstream rule: <c>node/&lt;nodeId&gt;/</c> + the resource the edge sent.</summary>
    public static string PrefixForCloud(string nodeId, string edgeResource)
    {
        RequireSegment(nodeId, nameof(nodeId));
        return $"{ResourceTypes.NodePrefix}{Separator}{nodeId}{Separator}{edgeResource}";
    }

    /// <summary>
    /// CloudHub's <c>GetNodeID</c>: the segment after the first "node" segment that is followed by a non-empty one
    /// (normally segment 1 of <c>node/&lt;id&gt;/…</c>); null when there is none.
    /// </summary>
    public static string? NodeIdOf(string resource)
    {
        var parts = resource.Split(Separator);
        for (var i = 0; i + 1 < parts.Length; i++)
        {
            if (parts[i] == ResourceTypes.NodePrefix && parts[i + 1].Length > 0)
            {
                return parts[i + 1];
            }
        }

        return null;
    }

    /// <summary><c>node/&lt;id&gt;/membership</c>, the cloud-side membership resource.</summary>
    public static string Membership(string nodeId) => PrefixForCloud(nodeId, ResourceTypes.Membership);

    /// <summary><c>node/&lt;id&gt;/twin</c>.</summary>
    public static string Twin(string nodeId) => PrefixForCloud(nodeId, ResourceTypes.Twin);

    /// <summary>Edge form <c>device/&lt;ns&gt;/&lt;name&gt;/twin/edge_updated</c>.</summary>
    public static string DeviceTwinEdgeUpdated(string @namespace, string name) =>
        Device(@namespace, name, TwinEdgeUpdatedSuffix);

    /// <summary>Edge form <c>device/&lt;ns&gt;/&lt;name&gt;/state/update</c>.</summary>
    public static string DeviceStateUpdate(string @namespace, string name) => Device(@namespace, name, StateUpdateSuffix);

    /// <summary>
    /// The device id <c>&lt;ns&gt;/&lt;name&gt;</c> (KubeEdge ≥ v1.16) of an edge (<c>device/ns/name/…</c>) or cloud
    /// (<c>node/id/device/ns/name/…</c>) device resource; null when the resource is not one.
    /// </summary>
    public static string? DeviceIdOf(string resource)
    {
        var parts = resource.Split(Separator);
        var at = parts.Length > 0 && parts[0] == ResourceTypes.NodePrefix ? 2 : 0;
        return parts.Length >= at + 3 && parts[at] == ResourceTypes.Device && parts[at + 1].Length > 0 && parts[at + 2].Length > 0
            ? $"{parts[at + 1]}{Separator}{parts[at + 2]}"
            : null;
    }

    /// <summary>Router CR resources: <c>rule/&lt;name&gt;</c>, <c>ruleendpoint/&lt;name&gt;</c> (no node part).</summary>
    public static string ForRouter(string resourceType, string name)
    {
        RequireSegment(resourceType, nameof(resourceType));
        RequireSegment(name, nameof(name));
        return $"{resourceType}{Separator}{name}";
    }

    internal static void RequireSegment(string value, string parameter)
    {
        if (string.IsNullOrEmpty(value) || value.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{parameter} must be a non-empty resource segment without '/' (was '{value}')", parameter);
        }
    }

    private static string Device(string @namespace, string name, string suffix)
    {
        RequireSegment(@namespace, nameof(@namespace));
        RequireSegment(name, nameof(name));
        return $"{ResourceTypes.Device}{Separator}{@namespace}{Separator}{name}{Separator}{suffix}";
    }
}
