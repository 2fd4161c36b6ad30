using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Kubernetes.Patch;
using Actors.Cloud.Modules.EdgeController.Sync;

namespace Actors.Cloud.Modules.EdgeController.Upstream;

/// <summary>Node writes for edge nodes: register, status from the edge, and NotReady when the node is lost.</summary>
public static class NodeStatusWriter
{
    /// <summary>Reason set on the Ready condition when CloudHub lost the node (as the node lifecycle controller names it).</summary>
    public const string UnknownReason = "NodeStatusUnknown";

    /// <summary>
    /// Creates the node the edge registers (KubeEdge's <c>createNode</c>), adding the edge role label if the edge did
    /// not set it; an existing node is returned as it is.
    /// </summary>
    public static async Task<Node> RegisterAsync(KubernetesClient client, string name, JsonObject body, CancellationToken cancellationToken = default)
    {
        var nodes = client.Resource(KnownResources.Nodes);
        var node = KnownResources.Nodes.Codec.Deserialize(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
        node.Metadata.Name ??= name;
        if (node.Metadata.Name != name)
        {
            throw new FormatException($"the node object is named {node.Metadata.Name}, the resource names {name}");
        }

        node.Metadata.ResourceVersion = null;
        node.Metadata.Labels ??= [];
        node.Metadata.Labels.TryAdd(InformerSet.EdgeNodeLabel, string.Empty);
        try
        {
            return await nodes.CreateAsync(null, node, cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsAlreadyExists)
        {
            return await nodes.GetAsync(null, name, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the status the edge reported (a merge patch of <c>status</c>, so no resourceVersion conflict).</summary>
    public static Task<Node> UpdateStatusAsync(KubernetesClient client, string name, JsonObject body, CancellationToken cancellationToken = default)
    {
        var source = body["status"] is JsonObject ? body : body["Status"] is JsonObject legacy ? new JsonObject { ["status"] = legacy.DeepClone() } : body;
        var patch = PatchContent.StatusPatch(source) ?? throw new FormatException("the node update carries no status");
        return client.Resource(KnownResources.Nodes).PatchStatusAsync(null, name, KubernetesPatch.Merge(patch), cancellationToken);
    }

    /// <summary>
    /// The node's Ready condition becomes Unknown (kubectl shows NotReady) when its keepalive is lost; other conditions
    /// and its pods are left alone (no eviction). A node that no longer exists is ignored.
    /// </summary>
    public static async Task MarkNotReadyAsync(KubernetesClient client, string name, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var now = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var condition = new JsonObject
        {
            ["type"] = "Ready",
            ["status"] = "Unknown",
            ["reason"] = UnknownReason,
            ["message"] = "cloudcore lost the edge node's connection (keepalive expired or disconnected)",
            ["lastTransitionTime"] = now,
        };
        var patch = new JsonObject { ["status"] = new JsonObject { ["conditions"] = new JsonArray(condition) } };
        try
        {
            await client.Resource(KnownResources.Nodes).PatchStatusAsync(null, name, KubernetesPatch.StrategicMerge(patch), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            // A node that was never registered or was deleted has no status to mark.
        }
    }
}
