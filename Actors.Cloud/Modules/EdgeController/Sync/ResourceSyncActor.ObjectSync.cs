using System.Text.Json.Nodes;
using Actors.Cloud.Kubernetes.Informers;
using Actors.Cloud.Modules.CloudHub;
using Actors.Messages.Routing;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.EdgeController.Sync;

/// <summary>
/// Deletions a node missed: after its state is sent on connect (informers synced), CloudHub is asked what the node has
/// acknowledged, and every acknowledged pod, configmap or secret that no longer exists for it is deleted on the edge
/// (ACKed like any object). This covers objects deleted while the node was offline and cloudcore restarted meanwhile,
/// when the delete in CloudHub's in-memory offline queue was lost.
/// </summary>
public sealed partial class ResourceSyncActor
{
    private bool _synced;

    private void AskAcked(string node)
    {
        if (_synced)
        {
            _module.Bus.Send(ModuleNames.CloudHub, new GetAckedObjects(node));
        }
    }

    private void OnAcked(AckedObjects acked)
    {
        if (!_synced || !_connected.Contains(acked.NodeId))
        {
            return;
        }

        var node = acked.NodeId;
        var existing = new HashSet<string>(StringComparer.Ordinal);
        existing.UnionWith(_informers.Pods.Store.ByIndex(StoreIndexers.NodeName, node).Select(p => p.Metadata.Uid ?? string.Empty));
        foreach (var (kind, key) in _locations.ObjectsOf(node))
        {
            var uid = kind == LocationCache.ReferenceKind.ConfigMap ? _informers.ConfigMaps.Store.Get(key)?.Metadata.Uid
                : kind == LocationCache.ReferenceKind.Secret ? _informers.Secrets.Store.Get(key)?.Metadata.Uid : null;
            existing.Add(uid ?? string.Empty);
        }

        var deletes = ObjectSyncReconciler.Deletes(node, acked.Objects, existing);
        LogReconciled(_log, node, acked.Objects.Count, deletes.Count);
        foreach (var (ns, type, name, uid) in deletes)
        {
            var content = new JsonObject { ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns, ["uid"] = uid } };
            SendToCloudHub(EdgeEnvelopes.Object(_module.Time, node, ns, type, name, Operations.Delete, null,
                System.Text.Encoding.UTF8.GetBytes(content.ToJsonString())));
            LogReconciledDelete(_log, node, type, ns, name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "node {Node}: {Acked} acknowledged objects compared with the API, {Deletes} to delete (ObjectSync)")]
    private static partial void LogReconciled(ILogger logger, string node, int acked, int deletes);

    [LoggerMessage(Level = LogLevel.Information, Message = "node {Node}: {Type} {Namespace}/{Name} no longer exists; deleting it on the edge (ObjectSync)")]
    private static partial void LogReconciledDelete(ILogger logger, string node, string type, string @namespace, string name);
}
