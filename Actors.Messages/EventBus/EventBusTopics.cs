using System.Collections.Immutable;

namespace Actors.Messages.EventBus;

/// <summary>KubeEdge's EventBus topic set and the MQTT → module routing rule (kubeedge.md §4.3, §5).</summary>
public static class EventBusTopics
{
    /// <summary>The operation of KubeEdge's <c>message</c> publication (not in the common operation set).</summary>
    public const string MessageOperation = "message";

    /// <summary>Topic prefixes routed to DeviceTwin; everything else goes to the cloud.</summary>
    public const string DevicePrefix = "$hw/events/device/";

    public const string NodePrefix = "$hw/events/node/";

    /// <summary>The subscriptions made on every (re)connect (v1.16+: device ids have two levels).</summary>
    public static ImmutableArray<string> Default { get; } =
    [
        "$hw/events/upload/#",
        "$hw/events/device/+/+/state/update",
        "$hw/events/device/+/+/twin/+",
        "$hw/events/node/+/membership/get",
        "SYS/dis/upload_records",
        "+/user/#",
    ];

    /// <summary>True when an MQTT message on <paramref name="topic"/> goes to DeviceTwin (group <c>twin</c>).</summary>
    public static bool IsTwinTopic(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return topic.StartsWith(DevicePrefix, StringComparison.Ordinal) || topic.StartsWith(NodePrefix, StringComparison.Ordinal);
    }

    /// <summary>Go's <c>base64.URLEncoding</c> (URL alphabet, padded) of the topic's UTF-8: the twin resource.</summary>
    public static string EncodeResource(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(topic)).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The inverse of <see cref="EncodeResource"/>; null when <paramref name="resource"/> is not valid.</summary>
    public static string? DecodeResource(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var standard = resource.Replace('-', '+').Replace('_', '/');
        var buffer = new byte[(standard.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(standard, buffer, out var written))
        {
            return null;
        }

        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(buffer, 0, written);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }
}
