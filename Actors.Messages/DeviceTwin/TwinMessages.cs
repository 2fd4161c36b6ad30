using System.Collections.Immutable;
using Actors.Messages.Wire;

namespace Actors.Messages.DeviceTwin;

/// <summary>Device and twin traffic handled by DeviceTwin (module and group <c>twin</c>).</summary>
public interface ITwinMessage;

/// <summary>
/// A device in a membership message (<c>id</c> is <c>&lt;namespace&gt;/&lt;name&gt;</c> since v1.16). An added device may
/// carry its <c>attributes</c> (name → MsgAttr) and <c>twin</c> (name → MsgTwin) maps as JSON; null when absent.
/// </summary>
public sealed record MembershipDevice(
    string Id,
    string Name,
    string Description,
    MessageContent? Attributes = null,
    MessageContent? Twin = null);

/// <summary>
/// The cloud changes the node's device membership (devicecontroller → twin, operation <c>update</c>,
/// resource <c>membership</c>).
/// </summary>
public sealed record MembershipUpdated(
    string EventId,
    long Timestamp,
    ImmutableArray<MembershipDevice> Added,
    ImmutableArray<MembershipDevice> Removed) : ITwinMessage;

/// <summary>The edge asks for the full membership (operation <c>get</c>, resource <c>membership/detail</c>).</summary>
public sealed record MembershipDetailRequest(string EventId, long Timestamp) : ITwinMessage;

/// <summary>
/// The edge reports twin changes of a device (resource <c>device/&lt;ns&gt;/&lt;name&gt;/twin/edge_updated</c>).
/// <paramref name="Twin"/> is the twin map (property → actual/expected/metadata/versions) as JSON.
/// </summary>
public sealed record TwinEdgeUpdated(string DeviceId, string EventId, long Timestamp, MessageContent Twin) : ITwinMessage;

/// <summary>
/// The edge reports a device's state (resource <c>device/&lt;ns&gt;/&lt;name&gt;/state/update</c>; the content is a JSON
/// string holding <c>{event_id, timestamp, device:{name, state, lastOnlineTime}}</c>).
/// </summary>
public sealed record DeviceStateUpdated(
    string DeviceId,
    string EventId,
    long Timestamp,
    string Name,
    string State,
    string LastOnlineTime) : ITwinMessage;
