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
[JsonSerializable(typeof(MembershipUpdatedMessage))]
[JsonSerializable(typeof(MembershipGetResultMessage))]
[JsonSerializable(typeof(StateUpdateRequest))]
[JsonSerializable(typeof(StateUpdateResultMessage))]
[JsonSerializable(typeof(DeviceUpdatedMessage))]
[JsonSerializable(typeof(Dictionary<string, MsgTwin?>))]
[JsonSerializable(typeof(Dictionary<string, MsgAttr?>))]
internal sealed partial class TwinJsonContext : JsonSerializerContext;
