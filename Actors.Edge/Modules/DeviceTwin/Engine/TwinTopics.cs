using Actors.Edge.Modules.DeviceTwin.Storage;

namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary>
/// DeviceTwin's MQTT topics (kubeedge.md §4.3). A device is addressed as <c>&lt;namespace&gt;/&lt;name&gt;</c> (two topic
/// levels, KubeEdge ≥ v1.16) or <c>&lt;name&gt;</c> (one level, older mappers, namespace <c>default</c>).
/// </summary>
public static class TwinTopics
{
    public const string DevicePrefix = "$hw/events/device/";
    public const string NodePrefix = "$hw/events/node/";

    private static readonly (string Suffix, DeviceTopicAction Action)[] DeviceActions =
    [
        ("/twin/update", DeviceTopicAction.TwinUpdate),
        ("/twin/get", DeviceTopicAction.TwinGet),
        ("/twin/cloud_updated", DeviceTopicAction.TwinCloudSync),
        ("/state/update", DeviceTopicAction.StateUpdate),
    ];

    /// <summary>Reads an app→edge topic into a request; null with a reason for any other topic.</summary>
    public static TwinRequest? Parse(string topic, string payload, out string reason)
    {
        reason = string.Empty;
        if (topic.StartsWith(NodePrefix, StringComparison.Ordinal))
        {
            var parts = topic[NodePrefix.Length..].Split('/');
            if (parts.Length == 3 && parts[0].Length > 0 && parts[1] == "membership" && parts[2] == "get")
            {
                return new MembershipGetRequest(parts[0], payload);
            }

            reason = $"topic '{topic}' is not a node topic DeviceTwin answers";
            return null;
        }

        if (!topic.StartsWith(DevicePrefix, StringComparison.Ordinal))
        {
            reason = $"topic '{topic}' is not a device or node topic";
            return null;
        }

        foreach (var (suffix, action) in DeviceActions)
        {
            if (topic.EndsWith(suffix, StringComparison.Ordinal))
            {
                var topicId = topic[DevicePrefix.Length..^suffix.Length];
                if (!DeviceIds.TryNormalize(topicId, out var deviceId, out var idError))
                {
                    reason = $"topic '{topic}': {idError}";
                    return null;
                }

                return new DeviceTopicRequest(action, deviceId, topicId, payload);
            }
        }

        reason = $"topic '{topic}' has no action DeviceTwin handles";
        return null;
    }

    /// <summary><c>$hw/events/device/&lt;id&gt;/&lt;suffix&gt;</c>.</summary>
    public static string Device(string topicId, string suffix) => DevicePrefix + topicId + "/" + suffix;

    public static string TwinUpdateResult(string topicId) => Device(topicId, "twin/update/result");

    public static string TwinUpdateDocument(string topicId) => Device(topicId, "twin/update/document");

    public static string TwinUpdateDelta(string topicId) => Device(topicId, "twin/update/delta");

    public static string TwinGetResult(string topicId) => Device(topicId, "twin/get/result");

    public static string StateUpdateResult(string topicId) => Device(topicId, "state/update/result");

    public static string DeviceUpdated(string topicId) => Device(topicId, "updated");

    public static string MembershipUpdated(string node) => NodePrefix + node + "/membership/updated";

    public static string MembershipGetResult(string node) => NodePrefix + node + "/membership/get/result";
}
