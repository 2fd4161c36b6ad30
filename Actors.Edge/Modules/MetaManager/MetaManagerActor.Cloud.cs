using System.Text;
using System.Text.Json;
using Actors.Edge.Modules.MetaManager.Server;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Modules.MetaManager.Storage.Models;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.MetaManager;

/// <summary>Cloud → edge object traffic: insert, update, delete and unsolicited responses.</summary>
internal sealed partial class MetaManagerActor
{
    private async Task HandleCloudAsync(MessageEnvelope envelope, int attempt)
    {
        if (MetaRequest.Check(envelope, requireName: true) is { } problem)
        {
            RejectCloud(envelope, problem);
            return;
        }

        var resource = EdgeResource.Parse(envelope.Route.Resource);
        var seq = SequenceOf(envelope, attempt);
        if (attempt > 1 && TakeSuperseded(envelope))
        {
            ToCloud(MetaEnvelopes.Ack(envelope, _context.Time));
            return;
        }

        try
        {
            var forward = envelope.Route.Operation switch
            {
                Operations.Insert or Operations.Update or Operations.Response => await StoreObjectAsync(envelope, resource),
                Operations.Delete => await DeleteObjectAsync(envelope, resource),
                _ => throw new ArgumentException($"operation '{envelope.Route.Operation}' is not handled for cloud messages"),
            };
            Settle(envelope, resource, forward, seq);
        }
        catch (MetaStoreWriteException e)
        {
            AwaitRetry(envelope, resource, seq);
            var delay = RetryDelay(attempt);
            _log.LogError("Store write of cloud message {MsgId} ({Resource}) failed (attempt {Attempt}); not acknowledged, retrying in {Delay}: {Error}",
                envelope.Header.MsgId, envelope.Route.Resource, attempt, delay, e.Message);
            Timers.StartSingleTimer("retry:" + envelope.Header.MsgId, new RetryCloudMessage(envelope, attempt + 1), delay);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or JsonException or MetaStoreCorruptionException)
        {
            RejectCloud(envelope, e.Message);
        }
    }

    /// <summary>After the write committed: forward to EdgeD (new or changed objects; not node updates or policy objects), then ACK.</summary>
    private void Settle(MessageEnvelope envelope, EdgeResource resource, bool forward, long seq)
    {
        Supersede(envelope.Header.MsgId, resource.ToString(), seq);
        if (forward && envelope.Route.Source != ModuleNames.PolicyController
            && !(resource.ResourceType == ResourceTypes.Node && envelope.Route.Operation == Operations.Update))
        {
            ToEdged(envelope);
        }

        ToCloud(MetaEnvelopes.Ack(envelope, _context.Time));
    }

    /// <summary>Stores the object; true when it was new or changed (only then does EdgeD hear about it).</summary>
    private async Task<bool> StoreObjectAsync(MessageEnvelope envelope, EdgeResource resource)
    {
        var value = ObjectText(envelope.Content);
        var changed = await Store.UpsertAsync(new MetaRecord(resource.ToString(), resource.ResourceType, value));
        if (changed)
        {
            _feed.Publish(new WatchChange(envelope.Route.Operation == Operations.Insert ? WatchChange.Added : WatchChange.Modified, resource, value));
        }
        else
        {
            _log.LogDebug("{Resource} unchanged; not forwarded to edged", resource);
        }

        return changed;
    }

    private async Task<bool> DeleteObjectAsync(MessageEnvelope envelope, EdgeResource resource)
    {
        var key = resource.ToString();
        var old = await Store.GetAsync(key);
        if (resource.ResourceType == ResourceTypes.Pod)
        {
            var uid = PodUidOf(envelope.Content);
            var result = await Store.DeletePodAsync(resource.Namespace, resource.Name, uid);
            if (result == PodDeleteResult.UidMismatch)
            {
                _log.LogInformation("Delete of {Resource} ignored: stored pod has another UID than {Uid}", key, uid);
                return false;
            }
        }
        else
        {
            await Store.DeleteAsync(key);
        }

        if (old is not null)
        {
            _feed.Publish(new WatchChange(WatchChange.Deleted, resource, old.Value));
        }

        return true;
    }

    private void RejectCloud(MessageEnvelope envelope, string problem)
    {
        _awaitingRetry.Remove(envelope.Header.MsgId);
        _log.LogWarning("Rejected cloud message {MsgId} ({Operation} {Resource} from {Source}): {Problem}",
            envelope.Header.MsgId, envelope.Route.Operation, envelope.Route.Resource, envelope.Route.Source, problem);
        ToCloud(MetaEnvelopes.Error(envelope, problem, _context.Time));
    }

    /// <summary>The object's JSON text; anything but a JSON object is malformed content.</summary>
    private static string ObjectText(MessageContent content) => content.Kind == ContentKind.Object
        ? Encoding.UTF8.GetString(content.Json.Span)
        : throw new FormatException($"content must be a JSON object, got {content.Kind}");

    /// <summary>The pod UID a delete names: <c>metadata.uid</c> of the object, or <c>preconditions.uid</c> of DeleteOptions.</summary>
    private static string PodUidOf(MessageContent content)
    {
        if (content.Kind != ContentKind.Object)
        {
            throw new FormatException("a pod delete must carry the pod (or DeleteOptions with preconditions.uid) to match its UID");
        }

        var root = content.ToElement();
        foreach (var holder in new[] { "metadata", "preconditions" })
        {
            if (root.TryGetProperty(holder, out var h) && h.ValueKind == JsonValueKind.Object
                && h.TryGetProperty("uid", out var uid) && uid.ValueKind == JsonValueKind.String && uid.GetString() is { Length: > 0 } s)
            {
                return s;
            }
        }

        throw new FormatException("a pod delete must name the pod's UID (metadata.uid)");
    }
}
