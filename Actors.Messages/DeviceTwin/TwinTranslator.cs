using System.Collections.Immutable;
using System.Text.Json;
using Actors.Messages.Json;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Messages.DeviceTwin;

/// <summary>Envelope ↔ record for DeviceTwin (edge-form resources).</summary>
public static class TwinTranslator
{
    private static MessagesJsonContext Json => MessagesJsonContext.Default;

    /// <summary>Recognises membership and device messages; null with a reason otherwise or on a bad content.</summary>
    public static ITwinMessage? TryParse(MessageEnvelope envelope, out string? reason)
    {
        reason = null;
        var resource = envelope.Route.Resource;
        try
        {
            ITwinMessage? parsed = resource switch
            {
                ResourceTypes.Membership when envelope.Route.Operation == Operations.Update => ParseMembership(envelope.Content),
                ResourcePaths.MembershipDetail => ParseDetail(envelope.Content),
                _ when resource.EndsWith(ResourcePaths.TwinEdgeUpdatedSuffix, StringComparison.Ordinal) =>
                    ParseTwin(DeviceId(resource), envelope.Content),
                _ when resource.EndsWith(ResourcePaths.StateUpdateSuffix, StringComparison.Ordinal) =>
                    ParseState(DeviceId(resource), envelope.Content),
                _ => null,
            };
            reason = parsed is null ? $"'{envelope.Route.Operation}' on '{resource}' is not a twin message" : null;
            return parsed;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            reason = $"bad content for '{resource}': {e.Message}";
            return null;
        }
    }

    /// <summary>devicecontroller → twin membership update (resource <c>membership</c> as seen on the edge).</summary>
    public static MessageEnvelope ToEnvelope(MembershipUpdated message, MessageHeader header)
    {
        var content = new MembershipContent(message.EventId, message.Timestamp, ToList(message.Added), ToList(message.Removed));
        return new MessageEnvelope(
            header,
            new MessageRoute(ModuleNames.DeviceController, Groups.Twin, Operations.Update, ResourceTypes.Membership),
            MessageContent.From(content, Json.MembershipContent));
    }

    /// <summary>twin → cloud membership detail request (content is a JSON string).</summary>
    public static MessageEnvelope ToEnvelope(MembershipDetailRequest message, MessageHeader header) => new(
        header,
        new MessageRoute(ModuleNames.DeviceTwin, Groups.Resource, Operations.Get, ResourcePaths.MembershipDetail),
        MessageContent.FromString(JsonSerializer.Serialize(new BaseEventContent(message.EventId, message.Timestamp), Json.BaseEventContent)));

    /// <summary>twin → cloud twin update (content is a JSON object).</summary>
    public static MessageEnvelope ToEnvelope(TwinEdgeUpdated message, MessageHeader header)
    {
        var (ns, name) = SplitDeviceId(message.DeviceId);
        var content = new TwinUpdateContent(message.EventId, message.Timestamp, message.Twin.ToElement());
        return new MessageEnvelope(
            header,
            new MessageRoute(ModuleNames.DeviceTwin, Groups.Resource, Operations.Update, ResourcePaths.DeviceTwinEdgeUpdated(ns, name)),
            MessageContent.From(content, Json.TwinUpdateContent));
    }

    /// <summary>twin → cloud device state (content is a JSON string, as KubeEdge sends it).</summary>
    public static MessageEnvelope ToEnvelope(DeviceStateUpdated message, MessageHeader header)
    {
        var (ns, name) = SplitDeviceId(message.DeviceId);
        var content = new DeviceStateUpdateContent(
            message.EventId, message.Timestamp, new DeviceStateContent(message.Name, message.State, message.LastOnlineTime));
        return new MessageEnvelope(
            header,
            new MessageRoute(ModuleNames.DeviceTwin, Groups.Resource, Operations.Update, ResourcePaths.DeviceStateUpdate(ns, name)),
            MessageContent.FromString(JsonSerializer.Serialize(content, Json.DeviceStateUpdateContent)));
    }

    private static MembershipUpdated ParseMembership(MessageContent content)
    {
        var dto = content.Deserialize(Json.MembershipContent) ?? throw new FormatException("membership content is null");
        return new MembershipUpdated(dto.EventId ?? string.Empty, dto.Timestamp, ToArray(dto.AddedDevices), ToArray(dto.RemovedDevices));
    }

    private static MembershipDetailRequest ParseDetail(MessageContent content)
    {
        var dto = FromStringOrObject(content, Json.BaseEventContent);
        return new MembershipDetailRequest(dto.EventId ?? string.Empty, dto.Timestamp);
    }

    private static TwinEdgeUpdated ParseTwin(string deviceId, MessageContent content)
    {
        var dto = FromStringOrObject(content, Json.TwinUpdateContent);
        var twin = dto.Twin.ValueKind == JsonValueKind.Undefined ? MessageContent.Null : MessageContent.FromElement(dto.Twin);
        return new TwinEdgeUpdated(deviceId, dto.EventId ?? string.Empty, dto.Timestamp, twin);
    }

    private static DeviceStateUpdated ParseState(string deviceId, MessageContent content)
    {
        var dto = FromStringOrObject(content, Json.DeviceStateUpdateContent);
        var device = dto.Device ?? new DeviceStateContent(null, null, null);
        return new DeviceStateUpdated(
            deviceId, dto.EventId ?? string.Empty, dto.Timestamp, device.Name ?? string.Empty,
            device.State ?? string.Empty, device.LastOnlineTime ?? string.Empty);
    }

    /// <summary>KubeEdge sends some twin contents as a JSON string holding JSON, others as objects; accept both.</summary>
    private static T FromStringOrObject<T>(MessageContent content, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
    {
        var value = content.Kind == ContentKind.String
            ? JsonSerializer.Deserialize(content.AsString()!, info)
            : content.Deserialize(info);
        return value ?? throw new FormatException("content is null");
    }

    private static string DeviceId(string resource) =>
        ResourcePaths.DeviceIdOf(resource) ?? throw new FormatException($"'{resource}' has no device/<namespace>/<name> part");

    private static (string Namespace, string Name) SplitDeviceId(string deviceId)
    {
        var parts = deviceId.Split('/');
        return parts.Length == 2
            ? (parts[0], parts[1])
            : throw new ArgumentException($"device id must be <namespace>/<name> (was '{deviceId}')", nameof(deviceId));
    }

    private static List<MembershipDeviceContent>? ToList(ImmutableArray<MembershipDevice> devices) =>
        devices.IsDefaultOrEmpty
        ? null
        : devices.Select(d => new MembershipDeviceContent(d.Id, d.Name, d.Description, d.Attributes?.ToElement(), d.Twin?.ToElement())).ToList();

    private static ImmutableArray<MembershipDevice> ToArray(List<MembershipDeviceContent>? devices) => devices is null
        ? []
        : [.. devices.Select(d => new MembershipDevice(
            d.Id ?? string.Empty, d.Name ?? string.Empty, d.Description ?? string.Empty, Optional(d.Attributes), Optional(d.Twin)))];

    private static MessageContent? Optional(JsonElement? element) =>
        element is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } e ? MessageContent.FromElement(e) : null;
}
