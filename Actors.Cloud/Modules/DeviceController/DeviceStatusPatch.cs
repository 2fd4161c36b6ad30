using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Modules.DeviceController;

/// <summary>
/// Turns what the edge twin reports into a merge patch of the Device's status (pure), as KubeEdge's DeviceController
/// does: for each reported twin whose name is a property of the device, <c>reported</c> := actual (metadata timestamp
/// as a string and the twin type), <c>observedDesired</c> := expected; twins already in the status and not reported
/// are kept (a merge patch replaces the whole list).
/// </summary>
public static class DeviceStatusPatch
{
    public static JsonObject? FromTwinReport(Device device, JsonElement twin)
    {
        ArgumentNullException.ThrowIfNull(device);
        var stored = JsonNode.Parse(Kubernetes.Client.KnownResources.Devices.Codec.Serialize(device)) as JsonObject;
        if (twin.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the reported twin is not a JSON object");
        }

        var properties = (device.Spec?.Properties ?? []).Select(p => p.Name).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var twins = new List<(string Name, JsonObject Value)>();
        foreach (var existing in (stored?["status"]?["twins"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if ((string?)existing["propertyName"] is { Length: > 0 } name)
            {
                twins.Add((name, (JsonObject)existing.DeepClone()));
            }
        }

        var changed = false;
        foreach (var entry in twin.EnumerateObject())
        {
            if (!properties.Contains(entry.Name) || entry.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var type = entry.Value.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var value = new JsonObject { ["propertyName"] = entry.Name };
            var at = twins.FindIndex(x => x.Name == entry.Name);
            if (at >= 0)
            {
                value = twins[at].Value;
            }

            Set(value, "reported", entry.Value, "actual", type);
            Set(value, "observedDesired", entry.Value, "expected", type);
            if (at < 0)
            {
                twins.Add((entry.Name, value));
            }

            changed = true;
        }

        return changed
            ? new JsonObject { ["status"] = new JsonObject { ["twins"] = new JsonArray([.. twins.Select(x => (JsonNode)x.Value)]) } }
            : null;
    }

    /// <summary><c>{"status":{"state", "lastOnlineTime"}}</c>.</summary>
    public static JsonObject FromState(string state, string lastOnlineTime) =>
        new() { ["status"] = new JsonObject { ["state"] = state, ["lastOnlineTime"] = lastOnlineTime } };

    private static void Set(JsonObject target, string field, JsonElement reported, string source, string? type)
    {
        if (!reported.TryGetProperty(source, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var metadata = new JsonObject();
        if (value.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object && m.TryGetProperty("timestamp", out var ts))
        {
            metadata["timestamp"] = ts.ValueKind == JsonValueKind.Number ? ts.GetInt64().ToString(CultureInfo.InvariantCulture) : ts.ToString();
        }

        if (type is not null)
        {
            metadata["type"] = type;
        }

        target[field] = new JsonObject
        {
            ["value"] = value.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString(),
            ["metadata"] = metadata,
        };
    }
}
