using System.Text.Json.Serialization;
using Actors.Messages.CloudHub;
using Actors.Messages.DeviceTwin;

namespace Actors.Messages.Json;

/// <summary>Source-generated metadata for the typed contents the translators read and write.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ConnectEventContent))]
[JsonSerializable(typeof(MembershipContent))]
[JsonSerializable(typeof(BaseEventContent))]
[JsonSerializable(typeof(TwinUpdateContent))]
[JsonSerializable(typeof(DeviceStateUpdateContent))]
internal sealed partial class MessagesJsonContext : JsonSerializerContext;
