using Actors.Messages.DeviceTwin;

namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary>Which child actor plans a request (KubeEdge's sub-modules).</summary>
public enum TwinWorker
{
    Membership,
    Twin,
    Device,
}

/// <summary>
/// A request DeviceTwin acts on. <see cref="Key"/> serialises requests: the controller hands a request to a worker only
/// after the previous request with the same key is committed, so requests for one device apply in arrival order.
/// </summary>
public abstract record TwinRequest(string Key, TwinWorker Worker);

/// <summary>Key of the membership requests (they touch the whole device set).</summary>
internal static class RequestKeys
{
    public const string Membership = "$membership";
}

/// <summary>
/// An MQTT request about one device: <see cref="Action"/> is the topic's action, <see cref="DeviceId"/> the normalised
/// id and <see cref="TopicId"/> the id as written in the topic (replies go to the same form).
/// </summary>
public sealed record DeviceTopicRequest(DeviceTopicAction Action, string DeviceId, string TopicId, string Payload)
    : TwinRequest(DeviceId, Action == DeviceTopicAction.StateUpdate ? TwinWorker.Device : TwinWorker.Twin);

/// <summary><c>$hw/events/node/&lt;node&gt;/membership/get</c>.</summary>
public sealed record MembershipGetRequest(string Node, string Payload) : TwinRequest(RequestKeys.Membership, TwinWorker.Membership);

/// <summary>The cloud changes the membership (devicecontroller → <c>membership</c>).</summary>
public sealed record MembershipUpdateRequest(MembershipUpdated Message) : TwinRequest(RequestKeys.Membership, TwinWorker.Membership);

/// <summary>The cloud syncs desired values (<c>device/&lt;id&gt;/twin/cloud_updated</c>).</summary>
public sealed record CloudTwinSyncRequest(string DeviceId, string Payload) : TwinRequest(DeviceId, TwinWorker.Twin);

/// <summary>The cloud changes attributes of a device (operation <c>updated</c> on <c>device/&lt;id&gt;</c>).</summary>
public sealed record CloudDeviceUpdatedRequest(string DeviceId, string Payload) : TwinRequest(DeviceId, TwinWorker.Device);
