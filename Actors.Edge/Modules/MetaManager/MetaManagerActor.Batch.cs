using System.Text.Json;
using Actors.Edge.Modules.MetaManager.Server;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Modules.MetaManager.Storage.Models;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.MetaManager;

/// <summary>
/// Group commit of cloud messages. A cloud message is queued, and a <see cref="FlushCloudBatch"/> is sent to self once
/// per batch: every cloud message already in the mailbox ahead of it joins the batch (up to
/// <see cref="MetaManagerSettings.WriteBatchSize"/>), so batching adds no waiting. The batch is one transaction; only
/// after it committed is each message ACKed and (when changed) forwarded to EdgeD. A batch that fails is processed
/// again message by message, so one bad row or write fails only its own message. Any other message first flushes
/// the queue, so edge requests see every cloud message that arrived before them.
/// </summary>
internal sealed partial class MetaManagerActor
{
    private List<MessageEnvelope> _pendingCloud = [];
    private bool _flushRequested;

    private async Task EnqueueCloudAsync(MessageEnvelope envelope)
    {
        _pendingCloud.Add(envelope);
        if (_pendingCloud.Count >= _settings.WriteBatchSize)
        {
            await FlushCloudAsync();
        }
        else if (!_flushRequested)
        {
            _flushRequested = true;
            Self.Tell(FlushCloudBatch.Instance, Self);
        }
    }

    private async Task FlushCloudAsync()
    {
        _flushRequested = false;
        if (_pendingCloud.Count == 0)
        {
            return;
        }

        var batch = _pendingCloud;
        _pendingCloud = [];
        if (batch.Count == 1)
        {
            await HandleCloudAsync(batch[0], 1);
            return;
        }

        var prepared = new List<(MessageEnvelope Envelope, EdgeResource Resource, MetaChange Change, long Seq)>(batch.Count);
        foreach (var envelope in batch)
        {
            if (Prepare(envelope) is { } p)
            {
                prepared.Add((envelope, p.Resource, p.Change, ++_cloudSeq));
            }
        }

        IReadOnlyList<MetaChangeResult> results;
        try
        {
            results = await Store.ApplyAsync(prepared.Select(p => p.Change).ToList());
        }
        catch (Exception e) when (e is MetaStoreWriteException or ArgumentException or MetaStoreCorruptionException)
        {
            _log.LogWarning("Group commit of {Count} cloud messages failed; writing them one by one: {Error}", prepared.Count, e.Message);
            foreach (var p in prepared)
            {
                await HandleCloudAsync(p.Envelope, 1);
            }

            return;
        }

        for (var i = 0; i < prepared.Count; i++)
        {
            Committed(prepared[i].Envelope, prepared[i].Resource, results[i], prepared[i].Seq);
        }
    }

    /// <summary>The store change a cloud message asks for; null when it was rejected (error sent to the cloud).</summary>
    private (EdgeResource Resource, MetaChange Change)? Prepare(MessageEnvelope envelope)
    {
        if (MetaRequest.Check(envelope, requireName: true) is { } problem)
        {
            RejectCloud(envelope, problem);
            return null;
        }

        var resource = EdgeResource.Parse(envelope.Route.Resource);
        try
        {
            MetaChange change = envelope.Route.Operation switch
            {
                Operations.Insert or Operations.Update or Operations.Response =>
                    new MetaChange.Upsert(new MetaRecord(resource.ToString(), resource.ResourceType, ObjectText(envelope.Content))),
                Operations.Delete when resource.ResourceType == ResourceTypes.Pod =>
                    new MetaChange.DeletePod(resource.Namespace, resource.Name, PodUidOf(envelope.Content)),
                Operations.Delete => new MetaChange.Delete(resource.ToString()),
                _ => throw new ArgumentException($"operation '{envelope.Route.Operation}' is not handled for cloud messages"),
            };
            return (resource, change);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or JsonException)
        {
            RejectCloud(envelope, e.Message);
            return null;
        }
    }

    /// <summary>After the commit: watch feed, forward to EdgeD when it matters, ACK — as the one-by-one path does.</summary>
    private void Committed(MessageEnvelope envelope, EdgeResource resource, MetaChangeResult result, long seq)
    {
        bool forward;
        if (envelope.Route.Operation == Operations.Delete)
        {
            forward = result.PodResult != PodDeleteResult.UidMismatch;
            if (!forward)
            {
                _log.LogInformation("Delete of {Resource} ignored: stored pod has another UID", resource);
            }
            else if (result.Old is { } old)
            {
                _feed.Publish(new WatchChange(WatchChange.Deleted, resource, old.Value));
            }
        }
        else
        {
            forward = result.Changed;
            if (forward)
            {
                var value = ObjectText(envelope.Content);
                _feed.Publish(new WatchChange(envelope.Route.Operation == Operations.Insert ? WatchChange.Added : WatchChange.Modified, resource, value));
            }
        }

        Settle(envelope, resource, forward, seq);
    }
}
