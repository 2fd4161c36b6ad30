using System.Text.Json;
using Actors.Edge.Modules.DeviceTwin.Storage.Models;

namespace Actors.Edge.Modules.DeviceTwin.Twin;

/// <summary>
/// <see cref="MsgTwin"/> ↔ <c>device_twin</c> row: values as raw text (empty = none), <c>expected_meta</c>/<c>actual_meta</c>
/// as <c>{"timestamp":ms}</c>, versions as <c>{"cloud":n,"edge":m}</c>, <c>attr_type</c> = the type and
/// <c>metadata</c> = <c>{"type":...}</c>. Unreadable JSON in a column is treated as absent, never thrown.
/// </summary>
public static class TwinRows
{
    private static TwinJsonContext Json => TwinJsonContext.Default;

    public static DeviceTwinRow ToRow(string deviceId, string name, MsgTwin twin, long id = 0) => new(
        id,
        deviceId,
        name,
        Expected: twin.Expected?.Value,
        Actual: twin.Actual?.Value,
        ExpectedMeta: Write(twin.Expected?.Metadata, Json.ValueMetadata),
        ActualMeta: Write(twin.Actual?.Metadata, Json.ValueMetadata),
        ExpectedVersion: Write(twin.ExpectedVersion, Json.TwinVersion),
        ActualVersion: Write(twin.ActualVersion, Json.TwinVersion),
        Optional: twin.Optional ?? true,
        AttrType: twin.Type,
        Metadata: JsonSerializer.Serialize(new TypeMetadata(twin.Type), Json.TypeMetadata));

    public static MsgTwin FromRow(DeviceTwinRow row) => new(
        Value(row.Expected, row.ExpectedMeta),
        Value(row.Actual, row.ActualMeta),
        row.Optional,
        new TypeMetadata(string.IsNullOrEmpty(row.AttrType) ? TwinTypes.String : row.AttrType),
        Read(row.ExpectedVersion, Json.TwinVersion),
        Read(row.ActualVersion, Json.TwinVersion));

    /// <summary>The rows to write for an update outcome (inserts for added twins, replacements for updated ones).</summary>
    public static TwinChanges ToChanges(string deviceId, TwinUpdateOutcome outcome) => new(
        [.. outcome.Added.Select(name => ToRow(deviceId, name, outcome.Twins[name]))],
        [.. outcome.Updated.Select(name => ToRow(deviceId, name, outcome.Twins[name]))],
        []);

    /// <summary>The twin map of a device from its rows.</summary>
    public static Dictionary<string, MsgTwin> FromRows(IEnumerable<DeviceTwinRow> rows) =>
        rows.ToDictionary(r => r.Name, FromRow, StringComparer.Ordinal);

    private static TwinValue? Value(string? value, string? meta) =>
        string.IsNullOrEmpty(value) ? null : new TwinValue(value, Read(meta, Json.ValueMetadata));

    private static string? Write<T>(T? value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        where T : class => value is null ? null : JsonSerializer.Serialize(value, info);

    private static T? Read<T>(string? json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        where T : class
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, info);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
