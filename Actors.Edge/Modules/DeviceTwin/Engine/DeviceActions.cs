using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Actors.Edge.Modules.DeviceTwin.Storage.Models;
using Actors.Edge.Modules.DeviceTwin.Twin;
using Actors.Messages.DeviceTwin;

namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary>Device state updates from mappers and attribute changes from the cloud (KubeEdge <c>dtmanager/device.go</c>).</summary>
public static class DeviceActions
{
    /// <summary>States KubeEdge accepts (compared lower-cased); others are ignored.</summary>
    public static readonly IReadOnlySet<string> States = new HashSet<string>(StringComparer.Ordinal)
    {
        "online", "offline", "ok", "unknown", "unhealthy",
    };

    private static TwinJsonContext Json => TwinJsonContext.Default;

    /// <summary>Stores state and last-online time, answers on <c>state/update/result</c> and reports to the cloud.</summary>
    public static WorkPlan StateUpdate(DeviceTopicRequest request, ImmutableDictionary<string, DeviceEntry> devices, PlanContext context)
    {
        if (devices.GetValueOrDefault(request.DeviceId) is not { } entry)
        {
            return WorkPlan.Refused($"state update for unknown device '{request.DeviceId}' ignored");
        }

        if (!TryRead(request.Payload, Json.StateUpdateRequest, out var message) || message.State is null)
        {
            return WorkPlan.Refused($"state update for '{request.DeviceId}' ignored: malformed payload");
        }

        var state = message.State.ToLowerInvariant();
        if (!States.Contains(state))
        {
            return WorkPlan.Refused($"state update for '{request.DeviceId}' ignored: unknown state '{message.State}'");
        }

        var lastOnline = state is "online" or "ok"
            ? DateTimeOffset.FromUnixTimeMilliseconds(context.NowMs).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)
            : string.Empty;
        var device = entry.Device with { State = state, LastOnline = lastOnline };
        var eventId = context.NewId();
        var result = new StateUpdateResultMessage(eventId, context.NowMs, new DeviceStateDoc(device.Name, state, lastOnline));
        var cloud = TwinTranslator.ToEnvelope(
            new DeviceStateUpdated(request.DeviceId, eventId, context.NowMs, device.Name, state, lastOnline), context.Header());
        return new WorkPlan(
            [new DeviceFieldsWrite(request.DeviceId, new Dictionary<string, object?> { ["state"] = state, ["last_online"] = lastOnline })],
            new Dictionary<string, DeviceEntry?> { [request.DeviceId] = entry with { Device = device } },
            [new MqttPublication(TwinTopics.StateUpdateResult(request.TopicId), JsonSerializer.Serialize(result, Json.StateUpdateResultMessage))],
            [cloud],
            new Dictionary<string, DeviceEntry?> { [request.DeviceId] = entry });
    }

    /// <summary>Adds, changes and deletes (null value) attributes, then publishes <c>$hw/events/device/&lt;id&gt;/updated</c>.</summary>
    public static WorkPlan AttributesUpdated(CloudDeviceUpdatedRequest request, ImmutableDictionary<string, DeviceEntry> devices, PlanContext context)
    {
        if (devices.GetValueOrDefault(request.DeviceId) is not { } entry)
        {
            return WorkPlan.Refused($"attribute update for unknown device '{request.DeviceId}' ignored");
        }

        if (!TryRead(request.Payload, Json.DeviceUpdatedMessage, out var message) || message.Attributes is null)
        {
            return WorkPlan.Refused($"attribute update for '{request.DeviceId}' ignored: malformed payload");
        }

        var attributes = entry.Attributes.ToBuilder();
        List<DeviceAttrRow> added = [], updated = [];
        List<string> deleted = [];
        foreach (var (name, attr) in message.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var exists = attributes.TryGetValue(name, out var current);
            if (attr is null)
            {
                if (exists && current!.Optional)
                {
                    deleted.Add(name);
                    attributes.Remove(name);
                }

                continue;
            }

            var row = AttrRows.ToRow(request.DeviceId, name, attr, current?.Id ?? 0);
            (exists ? updated : added).Add(row);
            attributes[name] = row;
        }

        var publication = new DeviceUpdatedMessage(message.EventId ?? string.Empty, context.NowMs, message.Attributes);
        return new WorkPlan(
            [new AttributeChangesWrite(request.DeviceId, added, updated, deleted)],
            new Dictionary<string, DeviceEntry?> { [request.DeviceId] = entry with { Attributes = attributes.ToImmutable() } },
            [new MqttPublication(TwinTopics.DeviceUpdated(request.DeviceId), JsonSerializer.Serialize(publication, Json.DeviceUpdatedMessage))],
            [],
            new Dictionary<string, DeviceEntry?> { [request.DeviceId] = entry });
    }

    internal static bool TryRead<T>(string payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info, out T value)
        where T : class
    {
        try
        {
            value = JsonSerializer.Deserialize(payload, info)!;
            return value is not null;
        }
        catch (JsonException)
        {
            value = null!;
            return false;
        }
    }
}
