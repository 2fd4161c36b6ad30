using System.Text.Json.Serialization;

namespace Actors.Edge.Modules.DeviceTwin.Twin;

/// <summary>A twin value with its metadata (<c>{value, metadata:{timestamp}}</c>); a null value means "no value".</summary>
public sealed record TwinValue(
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("metadata")] ValueMetadata? Metadata = null);

/// <summary>When a value was set (milliseconds since the epoch).</summary>
public sealed record ValueMetadata([property: JsonPropertyName("timestamp")] long Timestamp);

/// <summary>The twin's value type (<c>string</c>, <c>int</c>, <c>integer</c>, <c>float</c>, <c>boolean</c>, <c>deleted</c>).</summary>
public sealed record TypeMetadata([property: JsonPropertyName("type")] string? Type);

/// <summary>Version counters of one side of a twin: bumped by the cloud (<c>cloud</c>) and by the edge (<c>edge</c>).</summary>
public sealed record TwinVersion(
    [property: JsonPropertyName("cloud")] long Cloud,
    [property: JsonPropertyName("edge")] long Edge);

/// <summary>
/// One twin property as KubeEdge's <c>MsgTwin</c>: desired value (<c>expected</c>), reported value (<c>actual</c>),
/// <c>optional</c>, type metadata and the version counters of both sides.
/// </summary>
public sealed record MsgTwin(
    [property: JsonPropertyName("expected")] TwinValue? Expected = null,
    [property: JsonPropertyName("actual")] TwinValue? Actual = null,
    [property: JsonPropertyName("optional")] bool? Optional = null,
    [property: JsonPropertyName("metadata")] TypeMetadata? Metadata = null,
    [property: JsonPropertyName("expected_version")] TwinVersion? ExpectedVersion = null,
    [property: JsonPropertyName("actual_version")] TwinVersion? ActualVersion = null)
{
    /// <summary>The stored type (<c>string</c> when none is set).</summary>
    [JsonIgnore]
    public string Type => string.IsNullOrEmpty(Metadata?.Type) ? TwinTypes.String : Metadata.Type;

    /// <summary>Whether the twin was deleted (type <c>deleted</c>).</summary>
    [JsonIgnore]
    public bool IsDeleted => Type == TwinTypes.Deleted;

    /// <summary>The copy sent to apps and mappers: versions stripped.</summary>
    public MsgTwin WithoutVersions() => this with { ExpectedVersion = null, ActualVersion = null };
}

/// <summary>An app's or the cloud's twin update: <c>{event_id, timestamp, twin:{name: MsgTwin|null}}</c>.</summary>
public sealed record TwinUpdateMessage(
    [property: JsonPropertyName("event_id")] string? EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("twin")] Dictionary<string, MsgTwin?>? Twin);

/// <summary>The base message (<c>{event_id, timestamp}</c>), e.g. a twin get request.</summary>
public sealed record TwinBaseMessage(
    [property: JsonPropertyName("event_id")] string? EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp);

/// <summary>Update result, get result, delta-less twin set and cloud-bound sync: <c>{event_id, timestamp, twin}</c>.</summary>
public sealed record TwinResultMessage(
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("twin")] IReadOnlyDictionary<string, MsgTwin> Twin);

/// <summary>One entry of the update document: the twin before and after (null when absent).</summary>
public sealed record TwinDoc(
    [property: JsonPropertyName("last"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] MsgTwin? Last,
    [property: JsonPropertyName("current"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] MsgTwin? Current);

/// <summary>The update document published on <c>.../twin/update/document</c>.</summary>
public sealed record TwinDocumentMessage(
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("twin")] IReadOnlyDictionary<string, TwinDoc> Twin);

/// <summary>The delta published on <c>.../twin/update/delta</c>: twins with a desired value and the differing ones.</summary>
public sealed record TwinDeltaMessage(
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("twin")] IReadOnlyDictionary<string, MsgTwin> Twin,
    [property: JsonPropertyName("delta")] IReadOnlyDictionary<string, string> Delta);

/// <summary>An error result: <c>{event_id, timestamp, code, reason}</c> (<c>event_id</c> always written, as Go does).</summary>
public sealed record TwinErrorMessage(
    [property: JsonPropertyName("event_id"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string EventId,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("reason")] string Reason);
