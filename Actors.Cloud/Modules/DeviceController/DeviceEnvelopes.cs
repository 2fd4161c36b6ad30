using System.Globalization;
using System.Text.Json.Nodes;
using Actors.Cloud.Kubernetes.Models;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.DeviceController;

/// <summary>
/// The DeviceController's downstream envelopes in KubeEdge's shape (pure): membership updates
/// (<c>node/&lt;n&gt;/membership</c>, group <c>twin</c>), desired twin values (<c>node/&lt;n&gt;/device/&lt;ns&gt;/&lt;name&gt;/twin/cloud_updated</c>),
/// the Device and DeviceModel objects (<c>node/&lt;n&gt;/&lt;ns&gt;/device|devicemodel/&lt;name&gt;</c>, group <c>resource</c>) and the
/// <c>OK</c> answer to a twin report.
/// </summary>
public static class DeviceEnvelopes
{
    /// <summary>The device id the edge uses since KubeEdge 1.16: <c>&lt;namespace&gt;/&lt;name&gt;</c>.</summary>
    public static string DeviceId(Device device) => (device?.Metadata.Namespace ?? "default") + "/" + device!.Metadata.Name;

    /// <summary>A membership update adding and/or removing devices (added ones carry their desired twins).</summary>
    public static MessageEnvelope Membership(TimeProvider time, string node, IEnumerable<Device> added, IEnumerable<Device> removed)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var addedList = new JsonArray([.. added.Select(d => (JsonNode)MemberDevice(d, now, withTwins: true))]);
        var removedList = new JsonArray([.. removed.Select(d => (JsonNode)MemberDevice(d, now, withTwins: false))]);
        var content = new JsonObject
        {
            ["event_id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = now,
            ["added_devices"] = addedList.Count == 0 ? null : addedList,
            ["removed_devices"] = removedList.Count == 0 ? null : removedList,
        };
        return Build(time, ModuleNames.DeviceController, Groups.Twin, Operations.Update, ResourcePaths.Membership(node), null, content);
    }

    /// <summary>
    /// Desired values for the edge twin: one entry per property with a desired value (<c>expected</c>, metadata type,
    /// <c>expected_version.cloud</c> = the Device's resourceVersion) and <c>metadata.type = "deleted"</c> for removed ones.
    /// </summary>
    public static MessageEnvelope TwinCloudUpdated(TimeProvider time, string node, Device device, IEnumerable<string> deleted)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var twin = DesiredTwins(device, now);
        foreach (var name in deleted)
        {
            twin[name] = new JsonObject { ["optional"] = false, ["metadata"] = new JsonObject { ["type"] = "deleted" }, ["expected_version"] = Version(device) };
        }

        var content = new JsonObject { ["event_id"] = Guid.NewGuid().ToString(), ["timestamp"] = now, ["twin"] = twin };
        var resource = ResourcePaths.PrefixForCloud(node, ResourceTypes.Device + "/" + DeviceId(device) + "/" + ResourcePaths.TwinCloudUpdatedSuffix);
        return Build(time, ModuleNames.DeviceController, Groups.Twin, Operations.Update, resource, null, content);
    }

    /// <summary>A Device or DeviceModel object for a node (insert/update/delete).</summary>
    public static MessageEnvelope Object(TimeProvider time, string node, string resourceType, KubernetesObject value, byte[] json, string operation)
    {
        ArgumentNullException.ThrowIfNull(value);
        var resource = NodeResource.Create(node, value.Metadata.Namespace ?? "default", resourceType, value.Metadata.Name ?? string.Empty).ToString();
        return new MessageEnvelope(
            MessageHeader.New(time) with { ResourceVersion = value.Metadata.ResourceVersion ?? string.Empty },
            new MessageRoute(ModuleNames.DeviceController, Groups.Resource, operation, resource),
            MessageContent.FromJson(json));
    }

    /// <summary>The confirmation of a twin/state report: <c>{group:"twin", resource:"node/&lt;n&gt;/twin", operation:"response", content:"OK"}</c>.</summary>
    public static MessageEnvelope Ok(TimeProvider time, string node, MessageEnvelope request) => new(
        MessageHeader.New(time) with { ParentMsgId = request?.Header.MsgId ?? string.Empty },
        new MessageRoute(ModuleNames.DeviceController, Groups.Twin, Operations.Response, ResourcePaths.Twin(node)),
        MessageContent.FromString(WellKnownContent.Ok));

    /// <summary>Desired values by property name (properties without a desired value are left out).</summary>
    public static IReadOnlyDictionary<string, string> Desired(Device device) =>
        (device?.Spec?.Properties ?? [])
            .Where(p => p.Name is { Length: > 0 } && p.Desired?.Value is not null)
            .GroupBy(p => p.Name!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().Desired!.Value!, StringComparer.Ordinal);

    private static JsonObject MemberDevice(Device d, long now, bool withTwins)
    {
        var node = new JsonObject
        {
            ["id"] = DeviceId(d),
            ["name"] = d.Metadata.Name,
            ["description"] = d.Metadata.Labels?.GetValueOrDefault("description") ?? string.Empty,
        };
        if (withTwins)
        {
            node["twin"] = DesiredTwins(d, now);
        }

        return node;
    }

    private static JsonObject DesiredTwins(Device device, long now)
    {
        var twin = new JsonObject();
        foreach (var property in device.Spec?.Properties ?? [])
        {
            if (property.Name is not { Length: > 0 } name || property.Desired?.Value is not { } value)
            {
                continue;
            }

            twin[name] = new JsonObject
            {
                ["expected"] = new JsonObject { ["value"] = value, ["metadata"] = new JsonObject { ["timestamp"] = now } },
                ["optional"] = false,
                ["metadata"] = new JsonObject { ["type"] = property.Desired.Metadata?.GetValueOrDefault("type") ?? "string" },
                ["expected_version"] = Version(device),
            };
        }

        return twin;
    }

    private static JsonObject Version(Device device) => new()
    {
        ["cloud"] = long.TryParse(device.Metadata.ResourceVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var rv) ? rv : 0,
        ["edge"] = 0,
    };

    private static MessageEnvelope Build(TimeProvider time, string source, string group, string operation, string resource, string? rv, JsonObject content) => new(
        MessageHeader.New(time) with { ResourceVersion = rv ?? string.Empty },
        new MessageRoute(source, group, operation, resource),
        MessageContent.FromJson(System.Text.Encoding.UTF8.GetBytes(content.ToJsonString())));
}
