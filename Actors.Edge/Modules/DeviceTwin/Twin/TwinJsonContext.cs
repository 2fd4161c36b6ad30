using System.Text.Json.Serialization;

namespace Actors.Edge.Modules.DeviceTwin.Twin;

/// <summary>Source-generated JSON for the twin payloads (null members omitted, as Go's <c>omitempty</c> pointers).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TwinUpdateMessage))]
[JsonSerializable(typeof(TwinBaseMessage))]
[JsonSerializable(typeof(TwinResultMessage))]
[JsonSerializable(typeof(TwinDocumentMessage))]
[JsonSerializable(typeof(TwinDeltaMessage))]
[JsonSerializable(typeof(TwinErrorMessage))]
[JsonSerializable(typeof(ValueMetadata))]
[JsonSerializable(typeof(TwinVersion))]
[JsonSerializable(typeof(TypeMetadata))]
internal sealed partial class TwinJsonContext : JsonSerializerContext;
