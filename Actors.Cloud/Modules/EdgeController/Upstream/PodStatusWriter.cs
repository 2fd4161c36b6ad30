using System.Text.Json.Nodes;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Kubernetes.Patch;
using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.EdgeController.Upstream;

/// <summary>
/// KubeEdge's legacy <c>podstatus</c> update (≤ v1.11): one PodStatusRequest <c>{UID, Name, Status}</c> or a list of them;
/// each status is written with a merge patch of the pod's status subresource.
/// </summary>
public static class PodStatusWriter
{
    public static async Task<Pod?> ApplyAsync(KubernetesClient client, string @namespace, string name, MessageContent content, CancellationToken cancellationToken = default)
    {
        var root = JsonNode.Parse(PatchContent.Bytes(content));
        var requests = root switch
        {
            JsonArray list => list.OfType<JsonObject>().ToList(),
            JsonObject one => [one],
            _ => throw new FormatException("a podstatus content is an object or a list of objects"),
        };
        Pod? last = null;
        foreach (var request in requests)
        {
            var status = request["Status"] ?? request["status"] ?? throw new FormatException("a PodStatusRequest without Status");
            var podName = (string?)(request["Name"] ?? request["name"]) ?? name;
            var patch = new JsonObject { ["status"] = status.DeepClone() };
            last = await client.Resource(KnownResources.Pods).PatchStatusAsync(@namespace, podName, KubernetesPatch.Merge(patch), cancellationToken)
                .ConfigureAwait(false);
        }

        return last;
    }
}
