using Actors.Cloud.Modules.CloudHub.Security;
using Microsoft.AspNetCore.Http;

namespace Actors.Cloud.Modules.CloudHub.Server;

/// <summary>
/// The upgrade request checks (pure): path <c>/&lt;projectId&gt;/&lt;nodeId&gt;/events</c>, headers <c>node_id</c>
/// (the node's identity; header lookup is case-insensitive) and <c>project_id</c>, which must agree with the path.
/// </summary>
internal static class NodeHandshake
{
    public const string NodeIdHeader = "node_id";
    public const string ProjectIdHeader = "project_id";
    public const string ConnectionUseHeader = "ConnectionUse";

    /// <summary>The node id, or the HTTP status and reason for refusing the request.</summary>
    public static (string? NodeId, int Status, string Reason) Check(HttpRequest request)
    {
        var segments = (request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length != 3 || segments[2] != "events")
        {
            return (null, StatusCodes.Status404NotFound, "path must be /<projectId>/<nodeId>/events");
        }

        var nodeId = request.Headers[NodeIdHeader].ToString();
        if (nodeId.Length == 0)
        {
            return (null, StatusCodes.Status400BadRequest, "missing node_id header");
        }

        if (!NodeNames.IsValid(nodeId))
        {
            return (null, StatusCodes.Status400BadRequest, $"invalid node_id '{nodeId}'");
        }

        if (nodeId != Uri.UnescapeDataString(segments[1]))
        {
            return (null, StatusCodes.Status403Forbidden, $"node_id '{nodeId}' does not match the path");
        }

        var project = request.Headers[ProjectIdHeader].ToString();
        if (project.Length > 0 && project != Uri.UnescapeDataString(segments[0]))
        {
            return (null, StatusCodes.Status403Forbidden, $"project_id '{project}' does not match the path");
        }

        var use = request.Headers[ConnectionUseHeader].ToString();
        return use.Length > 0 && use != "msg"
            ? (null, StatusCodes.Status400BadRequest, $"ConnectionUse '{use}' is not supported (only msg)")
            : (nodeId, StatusCodes.Status101SwitchingProtocols, "ok");
    }
}
