using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.MetaManager;

/// <summary>
/// Periodic pod-status sync (KubeEdge ≤ v1.10 <c>syncPodStatus</c>): while connected, every stored <c>podstatus</c> row is
/// re-sent to the cloud grouped by namespace as <c>update &lt;ns&gt;/podstatus</c> with an array of statuses; rows
/// whose pod is no longer stored are removed. Also runs right after the cloud link comes back.
/// </summary>
internal sealed partial class MetaManagerActor
{
    private async Task SyncPodStatusAsync()
    {
        if (!_connected)
        {
            return;
        }

        try
        {
            var rows = await Store.ListAsync(ResourceTypes.PodStatus);
            foreach (var group in rows.Records.GroupBy(r => r.Key.Split('/')[0], StringComparer.Ordinal))
            {
                var live = new List<string>();
                foreach (var row in group)
                {
                    var name = row.Key.Split('/')[2];
                    if (await Store.GetAsync($"{group.Key}/{ResourceTypes.Pod}/{name}") is null)
                    {
                        await Store.DeleteAsync(row.Key);
                        continue;
                    }

                    live.Add(row.Value);
                }

                if (live.Count > 0)
                {
                    var route = new MessageRoute(ModuleNames.MetaManager, Groups.Meta, Operations.Update, $"{group.Key}/{ResourceTypes.PodStatus}");
                    ToCloud(new MessageEnvelope(MessageHeader.New(_context.Time), route, MetaEnvelopes.RawArray(live)));
                }
            }
        }
        catch (Exception e) when (e is MetaStoreWriteException or MetaStoreCorruptionException)
        {
            _log.LogWarning("Pod status sync failed, next attempt at the next interval: {Error}", e.Message);
        }
    }
}
