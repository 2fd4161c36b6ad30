using Actors.Cloud.Modules.CloudHub.Sessions;
using Actors.Messages.Routing;

namespace Actors.Cloud.Modules.EdgeController.Sync;

/// <summary>
/// KubeEdge's ObjectSync comparison (pure): of the objects a node acknowledged, those whose UID is no longer among the
/// objects the node should hold (its pods; the configmaps and secrets they use) must be deleted on the edge. Objects
/// without a recorded path, of other types or of another node are left alone.
/// </summary>
public static class ObjectSyncReconciler
{
    private static readonly HashSet<string> Reconciled = new(StringComparer.Ordinal) { ResourceTypes.Pod, ResourceTypes.ConfigMap, ResourceTypes.Secret };

    /// <summary>The objects to delete on <paramref name="node"/>: namespace, type, name and UID of each.</summary>
    public static IReadOnlyList<(string Namespace, string Type, string Name, string Uid)> Deletes(
        string node, IEnumerable<AckedObject> acked, IReadOnlySet<string> existingUids)
    {
        ArgumentNullException.ThrowIfNull(acked);
        ArgumentNullException.ThrowIfNull(existingUids);
        var deletes = new List<(string, string, string, string)>();
        foreach (var item in acked)
        {
            var parts = item.Resource.Split('/');
            if (parts.Length != 5 || parts[0] != "node" || parts[1] != node || !Reconciled.Contains(parts[3]) || existingUids.Contains(item.ObjectKey))
            {
                continue;
            }

            deletes.Add((parts[2], parts[3], parts[4], item.ObjectKey));
        }

        return deletes;
    }
}
