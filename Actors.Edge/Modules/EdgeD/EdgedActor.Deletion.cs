using System.Text.Json;
using Actors.Edge.Modules.EdgeD.Pods;
using Actors.Messages.Bus;
using Actors.Messages.EdgeD;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EdgeD;

/// <summary>
/// Pod deletion as a node agent does it. A pod deleted in the cloud first comes as an update carrying
/// <c>deletionTimestamp</c> (the API keeps the object): EdgeD stops its containers within the deletion's grace period,
/// then confirms with a delete (grace period 0, the pod's UID as precondition) that lets the API remove the object;
/// the removal then comes back as a delete, which MetaManager applies to the local store. A pod with nothing running
/// here is confirmed at once. If the confirmation is lost (cloud offline), the pod's next update, at the latest the
/// re-sync on reconnect, confirms it again.
/// </summary>
internal sealed partial class EdgedActor
{
    /// <summary>Graceful deletions waiting for their worker to stop, by pod key (the newest request per pod).</summary>
    private readonly Dictionary<string, PodModel> _confirmOnRemoval = new(StringComparer.Ordinal);

    private void DeleteGracefully(PodModel pod)
    {
        _queue.Delete(pod.Key); // drops a queued, not yet started addition of the pod
        if (!_workers.TryGetValue(pod.Key, out var worker))
        {
            ConfirmDeleted(pod);
            return;
        }

        _confirmOnRemoval[pod.Key] = pod;
        _desired.Remove(pod.Key);
        if (_deleting.Add(pod.Key))
        {
            _context.Logger.LogInformation("Pod {Pod} is being deleted; stopping it (grace period {Grace})", pod.Key, pod.TerminationGracePeriod);
            worker.Tell(new DeletePod(pod.TerminationGracePeriod), Self);
        }
    }

    private void OnPodRemoved(PodRemoved removed)
    {
        _keyByUid.Remove(removed.Pod.Uid);
        TellGc();
        ConfirmDeleted(removed.Pod);
        if (_confirmOnRemoval.Remove(removed.Pod.Key, out var pending) && pending.Uid != removed.Pod.Uid)
        {
            ConfirmDeleted(pending); // a newer incarnation was deleted before it ever ran here
        }
    }

    /// <summary>Tells the cloud (through MetaManager) that the pod with this UID is gone from this node.</summary>
    private void ConfirmDeleted(PodModel pod)
    {
        var content = MessageContent.FromString(
            "{\"gracePeriodSeconds\":0,\"preconditions\":{\"uid\":\"" + JsonEncodedText.Encode(pod.Uid) + "\"}}");
        var deleted = new PodDeleted(pod.Namespace, pod.Name, content);
        _context.Bus.Send(ModuleNames.MetaManager, new BusMessage(EdgeDTranslator.ToEnvelope(deleted, MessageHeader.New(_context.Time))));
    }
}
