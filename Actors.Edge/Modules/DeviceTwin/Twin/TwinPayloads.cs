using System.Text.Json;

namespace Actors.Edge.Modules.DeviceTwin.Twin;

/// <summary>Builds the JSON payloads DeviceTwin publishes (field names as KubeEdge's <c>dttype</c>).</summary>
public static class TwinPayloads
{
    private static TwinJsonContext Json => TwinJsonContext.Default;

    /// <summary><c>{event_id, timestamp, twin}</c>: update result, get result or cloud-bound sync.</summary>
    public static string Result(string eventId, long nowMs, IReadOnlyDictionary<string, MsgTwin> twins) =>
        JsonSerializer.Serialize(new TwinResultMessage(eventId, nowMs, twins), Json.TwinResultMessage);

    /// <summary><c>{event_id, timestamp, code, reason}</c>.</summary>
    public static string Error(string eventId, long nowMs, int code, string reason) =>
        JsonSerializer.Serialize(new TwinErrorMessage(eventId, nowMs, code, reason), Json.TwinErrorMessage);

    /// <summary><c>{event_id, timestamp, twin:{k:{last, current}}}</c>.</summary>
    public static string Document(string eventId, long nowMs, IReadOnlyDictionary<string, TwinDoc> document) =>
        JsonSerializer.Serialize(new TwinDocumentMessage(eventId, nowMs, document), Json.TwinDocumentMessage);

    /// <summary>
    /// The delta for the mapper, or null when every desired value is met. Over all non-deleted twins with a non-empty
    /// desired value: <c>delta[k] = expected</c> when the reported value (missing = "") differs; <c>twin</c> carries
    /// every such twin with a desired value, versions stripped.
    /// </summary>
    public static string? Delta(string eventId, long nowMs, IReadOnlyDictionary<string, MsgTwin> twins)
    {
        var withDesired = new SortedDictionary<string, MsgTwin>(StringComparer.Ordinal);
        var delta = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, twin) in twins)
        {
            var expected = twin.Expected?.Value;
            if (twin.IsDeleted || string.IsNullOrEmpty(expected))
            {
                continue;
            }

            withDesired[key] = twin.WithoutVersions();
            if (expected != (twin.Actual?.Value ?? string.Empty))
            {
                delta[key] = expected;
            }
        }

        return delta.Count == 0
            ? null
            : JsonSerializer.Serialize(new TwinDeltaMessage(eventId, nowMs, withDesired, delta), Json.TwinDeltaMessage);
    }

    /// <summary>The twins as apps see them: versions stripped, deleted twins left out.</summary>
    public static SortedDictionary<string, MsgTwin> Visible(IReadOnlyDictionary<string, MsgTwin> twins) =>
        new(twins.Where(t => !t.Value.IsDeleted).ToDictionary(t => t.Key, t => t.Value.WithoutVersions()), StringComparer.Ordinal);
}
