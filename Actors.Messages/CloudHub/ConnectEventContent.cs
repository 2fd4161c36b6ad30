using System.Text.Json.Serialization;

namespace Actors.Messages.CloudHub;

/// <summary>Content of CloudHub's connect event (<c>helper.go ConstructConnectMessage</c>); timestamp in seconds.</summary>
internal sealed record ConnectEventContent(
    [property: JsonPropertyName("event_type")] string EventType,
    [property: JsonPropertyName("timestamp")] long Timestamp,
    [property: JsonPropertyName("client_id")] string ClientId);
