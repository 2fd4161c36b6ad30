using System.Text.Json.Serialization;

namespace Actors.Edge.Modules.DeviceTwin.Twin;

/// <summary>
/// One device attribute as KubeEdge's <c>MsgAttr</c>: <c>value</c>, <c>optional</c> and <c>metadata</c> (holding at
/// least <c>type</c>).
/// </summary>
public sealed record MsgAttr(
    [property: JsonPropertyName("value")] string? Value = null,
    [property: JsonPropertyName("optional")] bool? Optional = null,
    [property: JsonPropertyName("metadata")] TypeMetadata? Metadata = null);

/// <summary>
/// A device as apps see it (<c>dttype.Device</c>; empty members omitted): in <c>membership/updated</c> and
/// <c>membership/get/result</c>.
/// </summary>
public sealed record DeviceDoc(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("description")] string? Description = null,
    [property: JsonPropertyName("state")] string? State = null,
    [property: JsonPropertyName("last_online")] string? LastOnline = null,
    [property: JsonPropertyName("attributes")] IReadOnlyDictionary<string, MsgAttr>? Attributes = null,
    [property: JsonPropertyName("twin")] IReadOnlyDictionary<string, MsgTwin>? Twin = null);

/// <summary>
/// <c>$hw/events/node/&lt;node&gt;/membership/updated</c>: one message per added or removed device; the other list is
/// written as <c>null</c>, as Go does.
/// </summary>
public sealed record MembershipUpdatedMessage(
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("added_devices"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<DeviceDoc>? AddedDevices,
    [property: JsonPropertyName("removed_devices"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<DeviceDoc>? RemovedDevices);

/// <summary><c>.../membership/get/result</c>: every device of the node with its attributes.</summary>
public sealed record MembershipGetResultMessage(
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("devices"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyList<DeviceDoc> Devices);

/// <summary>A mapper's state report (<c>.../state/update</c>): <c>{event_id, timestamp, state}</c>.</summary>
public sealed record StateUpdateRequest(
    [property: JsonPropertyName("event_id")] string? EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("state")] string? State);

/// <summary>The device part of a state update result (cloud-facing names: <c>lastOnlineTime</c>).</summary>
public sealed record DeviceStateDoc(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("lastOnlineTime")] string LastOnlineTime);

/// <summary><c>.../state/update/result</c>: <c>{event_id, timestamp, device:{name, state, lastOnlineTime}}</c>.</summary>
public sealed record StateUpdateResultMessage(
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("device")] DeviceStateDoc Device);

/// <summary>
/// The cloud's attribute change (<c>dttype.DeviceUpdate</c>) and the <c>$hw/events/device/&lt;id&gt;/updated</c>
/// publication: <c>{event_id, timestamp, attributes:{name: MsgAttr|null}}</c>; a null attribute is deleted.
/// </summary>
public sealed record DeviceUpdatedMessage(
    [property: JsonPropertyName("event_id"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("attributes")] Dictionary<string, MsgAttr?>? Attributes);
