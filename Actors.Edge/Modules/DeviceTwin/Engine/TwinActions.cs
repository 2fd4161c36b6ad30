using System.Collections.Immutable;
using System.Text;
using Actors.Edge.Modules.DeviceTwin.Twin;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary>Twin update (REST), cloud sync and get (kubeedge.md §4.4), as plans.</summary>
public static class TwinActions
{
    /// <summary>An app or mapper reports/desires values: result, document, delta, then the change for the cloud.</summary>
    public static WorkPlan Update(DeviceTopicRequest request, ImmutableDictionary<string, DeviceEntry> devices, PlanContext context)
    {
        var entry = devices.GetValueOrDefault(request.DeviceId);
        var replies = TwinProcessor.HandleUpdate(
            request.DeviceId, entry?.Twins, Encoding.UTF8.GetBytes(request.Payload), DealType.Rest, context.NowMs, context.NewId);
        var failure = new MqttPublication(
            TwinTopics.TwinUpdateResult(request.TopicId),
            TwinPayloads.Error(EventIdOf(request.Payload), context.NowMs, TwinCodes.InternalError, "failed to store the twin update"));
        return Build(request.DeviceId, request.TopicId, entry, replies, context, failure);
    }

    /// <summary>The cloud (or an app on <c>twin/cloud_updated</c>) syncs values with versions; no result is published.</summary>
    public static WorkPlan Sync(
        string deviceId, string topicId, string payload, ImmutableDictionary<string, DeviceEntry> devices, PlanContext context)
    {
        var entry = devices.GetValueOrDefault(deviceId);
        if (entry is null)
        {
            return WorkPlan.Refused($"twin sync for unknown device '{deviceId}' ignored");
        }

        var replies = TwinProcessor.HandleUpdate(deviceId, entry.Twins, Encoding.UTF8.GetBytes(payload), DealType.Sync, context.NowMs, context.NewId);
        if (replies.Outcome is null)
        {
            return WorkPlan.Refused($"twin sync for '{deviceId}' refused: malformed payload");
        }

        return Build(deviceId, topicId, entry, replies, context, null);
    }

    /// <summary>The twin document of a device on <c>.../twin/get/result</c> (or KubeEdge's 400/404 body).</summary>
    public static WorkPlan Get(DeviceTopicRequest request, ImmutableDictionary<string, DeviceEntry> devices, PlanContext context)
    {
        var entry = devices.GetValueOrDefault(request.DeviceId);
        var body = TwinProcessor.HandleGet(request.DeviceId, entry?.Twins, Encoding.UTF8.GetBytes(request.Payload), context.NowMs);
        return WorkPlan.Publish(new MqttPublication(TwinTopics.TwinGetResult(request.TopicId), body));
    }

    /// <summary>The <c>device/&lt;ns&gt;/&lt;name&gt;/twin/edge_updated</c> envelope for the cloud.</summary>
    public static MessageEnvelope EdgeUpdated(string deviceId, string content, PlanContext context)
    {
        var parts = deviceId.Split('/');
        return new MessageEnvelope(
            context.Header(),
            new MessageRoute(ModuleNames.DeviceTwin, Groups.Resource, Operations.Update, ResourcePaths.DeviceTwinEdgeUpdated(parts[0], parts[1])),
            MessageContent.FromJson(Encoding.UTF8.GetBytes(content)));
    }

    private static WorkPlan Build(
        string deviceId, string topicId, DeviceEntry? entry, TwinUpdateReplies replies, PlanContext context, MqttPublication? failure)
    {
        var publications = new List<MqttPublication>(3);
        Add(publications, TwinTopics.TwinUpdateResult(topicId), replies.Result);
        var outcome = replies.Outcome;
        if (entry is null || outcome is null || outcome.ErrorReason is not null)
        {
            return WorkPlan.Publish([.. publications]);
        }

        Add(publications, TwinTopics.TwinUpdateDocument(topicId), replies.Document);
        Add(publications, TwinTopics.TwinUpdateDelta(topicId), replies.Delta);
        var writes = outcome.HasChanges ? new IStoreWrite[] { new TwinChangesWrite(deviceId, TwinRows.ToChanges(deviceId, outcome)) } : [];
        var devices = outcome.HasChanges
            ? new Dictionary<string, DeviceEntry?> { [deviceId] = entry with { Twins = outcome.Twins } }
            : [];
        var cloud = replies.Cloud is null ? [] : new[] { EdgeUpdated(deviceId, replies.Cloud, context) };
        var bases = new Dictionary<string, DeviceEntry?> { [deviceId] = entry };
        return new WorkPlan(writes, devices, publications, cloud, bases, failure);
    }

    private static void Add(List<MqttPublication> publications, string topic, string? payload)
    {
        if (payload is not null)
        {
            publications.Add(new MqttPublication(topic, payload));
        }
    }

    /// <summary>The request's event id when it is readable (for the 500 reply), otherwise empty.</summary>
    private static string EventIdOf(string payload) =>
        TwinRequestParser.TryParseBase(Encoding.UTF8.GetBytes(payload), out var message, out _) ? message.EventId ?? string.Empty : string.Empty;
}
