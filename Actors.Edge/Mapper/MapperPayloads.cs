using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Actors.Edge.Mapper;

/// <summary>
/// The JSON a mapper exchanges with DeviceTwin on KubeEdge's <c>$hw/events/device/&lt;id&gt;/…</c> topics (pure):
/// twin reports, state updates, twin get, and reading the desired values out of a delta or a twin document.
/// </summary>
public static class MapperPayloads
{
    public static string Topic(string deviceId, string suffix) => "$hw/events/device/" + deviceId + "/" + suffix;

    /// <summary>A <c>twin/update</c> reporting actual values (each with its metadata type).</summary>
    public static string TwinReport(long timestampMs, IEnumerable<(string Name, string Value, string Type)> actuals)
    {
        var twin = new JsonObject();
        foreach (var (name, value, type) in actuals)
        {
            twin[name] = new JsonObject { ["actual"] = new JsonObject { ["value"] = value }, ["metadata"] = new JsonObject { ["type"] = type } };
        }

        return new JsonObject { ["event_id"] = string.Empty, ["timestamp"] = timestampMs, ["twin"] = twin }.ToJsonString();
    }

    /// <summary>A <c>state/update</c> (KubeEdge accepts online, offline, ok, unknown, unhealthy).</summary>
    public static string State(long timestampMs, string state) =>
        new JsonObject { ["event_id"] = string.Empty, ["timestamp"] = timestampMs, ["state"] = state }.ToJsonString();

    /// <summary>A <c>twin/get</c> request.</summary>
    public static string TwinGet(long timestampMs, string eventId) =>
        new JsonObject { ["event_id"] = eventId, ["timestamp"] = timestampMs }.ToJsonString();

    /// <summary>
    /// The <c>delta</c> map of a <c>twin/update/delta</c> publication: property → desired value and its type (from the
    /// twin's metadata, <c>string</c> when absent). Throws <see cref="JsonException"/> on malformed JSON.
    /// </summary>
    public static IReadOnlyDictionary<string, (string Value, string Type)> Delta(string payload)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(payload);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("delta", out var delta) && delta.ValueKind == JsonValueKind.Object)
        {
            root.TryGetProperty("twin", out var twin);
            foreach (var p in delta.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
            {
                result[p.Name] = (p.Value.GetString()!, TypeOf(twin, p.Name));
            }
        }

        return result;
    }

    /// <summary>From a <c>twin/get/result</c> document: the properties whose expected value differs from the actual one.</summary>
    public static IReadOnlyDictionary<string, (string Value, string Type)> Unapplied(string payload)
    {
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(payload);
        if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("twin", out var twin) || twin.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var p in twin.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
        {
            if (ValueOf(p.Value, "expected") is { } expected && ValueOf(p.Value, "actual") != expected)
            {
                result[p.Name] = (expected, TypeOf(twin, p.Name));
            }
        }

        return result;
    }

    /// <summary>A simulated reading: a slow sine around 21 with one decimal, so a live view shows it moving.</summary>
    public static string Reading(long timestampMs) =>
        (21 + (2 * Math.Sin(timestampMs / 60_000.0))).ToString("0.0", CultureInfo.InvariantCulture);

    private static string TypeOf(JsonElement twin, string name) =>
        twin.ValueKind == JsonValueKind.Object && twin.TryGetProperty(name, out var entry) && entry.ValueKind == JsonValueKind.Object
            && entry.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()! : "string";

    private static string? ValueOf(JsonElement twin, string field) =>
        twin.TryGetProperty(field, out var node) && node.ValueKind == JsonValueKind.Object && node.TryGetProperty("value", out var v)
            && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
