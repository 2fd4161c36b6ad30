using System.Text.Json;

namespace Actors.Edge.Modules.DeviceTwin.Twin;

/// <summary>Parses MQTT twin payloads without letting an exception escape.</summary>
public static class TwinRequestParser
{
    public const string UnmarshalError = "Unmarshal update request body failed, Please check the request";
    public const string MissingTwinError = "Update twin error, the update request body not have key:twin";

    /// <summary>
    /// Parses an update (<c>{event_id, timestamp, twin}</c>) and checks key and value syntax as KubeEdge's
    /// <c>UnmarshalDeviceTwinUpdate</c> does; on failure <paramref name="reason"/> holds KubeEdge's message.
    /// </summary>
    public static bool TryParseUpdate(ReadOnlySpan<byte> payload, out TwinUpdateMessage message, out string reason)
    {
        message = new TwinUpdateMessage(null, 0, null);
        reason = string.Empty;
        try
        {
            message = JsonSerializer.Deserialize(payload, TwinJsonContext.Default.TwinUpdateMessage) ?? message;
        }
        catch (JsonException)
        {
            reason = UnmarshalError;
            return false;
        }

        if (message.Twin is null)
        {
            reason = MissingTwinError;
            return false;
        }

        foreach (var (key, twin) in message.Twin)
        {
            if (!TwinValidation.IsValidKey(key))
            {
                reason = TwinValidation.KeyError;
                return false;
            }

            if (twin is not null && !(TwinValidation.IsValidValue(twin.Expected?.Value) && TwinValidation.IsValidValue(twin.Actual?.Value)))
            {
                reason = TwinValidation.ValueError;
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses a get request (<c>{event_id, timestamp}</c>); on failure the reason mirrors KubeEdge's wording.</summary>
    public static bool TryParseBase(ReadOnlySpan<byte> payload, out TwinBaseMessage message, out string reason)
    {
        message = new TwinBaseMessage(null, 0);
        reason = string.Empty;
        try
        {
            message = JsonSerializer.Deserialize(payload, TwinJsonContext.Default.TwinBaseMessage) ?? message;
            return true;
        }
        catch (JsonException e)
        {
            reason = $"Unmarshal twin info {System.Text.Encoding.UTF8.GetString(payload)} failed , err: {e.Message}";
            return false;
        }
    }
}
