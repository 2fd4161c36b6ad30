using System.Text.Json;
using System.Text.Json.Serialization;

namespace Actors.Messages.DeviceTwin;

/// <summary>JSON shape of a membership device (<c>dttype.Device</c>: attributes and twin are omitted when absent).</summary>
internal sealed record MembershipDeviceContent(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("attributes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Attributes = null,
    [property: JsonPropertyName("twin"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Twin = null);

/// <summary>JSON shape of a membership update (<c>dttype.MembershipUpdate</c>); Go writes empty lists as null.</summary>
internal sealed record MembershipContent(
    [property: JsonPropertyName("event_id")] string? EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("added_devices")] List<MembershipDeviceContent>? AddedDevices,
    [property: JsonPropertyName("removed_devices")] List<MembershipDeviceContent>? RemovedDevices);

/// <summary>JSON shape of the base message (<c>event_id</c>, <c>timestamp</c>).</summary>
internal sealed record BaseEventContent(
    [property: JsonPropertyName("event_id")] string? EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp);

/// <summary>JSON shape of an edge twin update.</summary>
internal sealed record TwinUpdateContent(
    [property: JsonPropertyName("event_id")] string? EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("twin")] JsonElement Twin);

/// <summary>JSON shape of the device part of a state update.</summary>
internal sealed record DeviceStateContent(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("lastOnlineTime")] string? LastOnlineTime);

/// <summary>JSON shape of a device state update.</summary>
internal sealed record DeviceStateUpdateContent(
    [property: JsonPropertyName("event_id")] string? EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("device")] DeviceStateContent? Device);
