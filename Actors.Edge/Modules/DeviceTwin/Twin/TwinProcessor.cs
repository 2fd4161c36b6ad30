namespace Actors.Edge.Modules.DeviceTwin.Twin;

/// <summary>
/// Pure handling of MQTT twin requests: payload in, publications out. Malformed payloads and unknown devices produce
/// KubeEdge's error bodies; no exception escapes. A <c>newEventId</c> function supplies fresh event ids (delta and
/// cloud sync), so callers control randomness and time.
/// </summary>
public static class TwinProcessor
{
    public const string UnknownDeviceUpdateError = "Update rejected due to the device is not existed";

    /// <summary>
    /// Handles a twin update for <paramref name="deviceId"/> whose current twins are <paramref name="twins"/> (null =
    /// unknown device). Parse errors answer 400 with an empty <c>event_id</c> (as KubeEdge, which has not read it yet);
    /// an unknown device answers 404; a value not matching its type answers 400 and changes nothing.
    /// </summary>
    public static TwinUpdateReplies HandleUpdate(
        string deviceId,
        IReadOnlyDictionary<string, MsgTwin>? twins,
        ReadOnlySpan<byte> payload,
        DealType dealType,
        long nowMs,
        Func<string> newEventId)
    {
        ArgumentNullException.ThrowIfNull(newEventId);
        if (!TwinRequestParser.TryParseUpdate(payload, out var request, out var parseError))
        {
            return Rejected(dealType, TwinPayloads.Error(string.Empty, nowMs, TwinCodes.BadRequest, parseError));
        }

        var eventId = request.EventId ?? string.Empty;
        if (twins is null)
        {
            return Rejected(dealType, TwinPayloads.Error(eventId, nowMs, TwinCodes.NotFound, UnknownDeviceUpdateError));
        }

        var outcome = TwinUpdater.Apply(twins, request.Twin!, dealType, nowMs);
        if (outcome.ErrorReason is { } reason)
        {
            return new TwinUpdateReplies(TwinPayloads.Error(eventId, nowMs, TwinCodes.BadRequest, reason), null, null, null, outcome);
        }

        var result = dealType == DealType.Rest ? TwinPayloads.Result(eventId, nowMs, outcome.Result) : null;
        var document = outcome.Document.IsEmpty ? null : TwinPayloads.Document(eventId, nowMs, outcome.Document);
        var delta = TwinPayloads.Delta(newEventId(), nowMs, outcome.Twins);
        var cloud = outcome.SyncResult.IsEmpty ? null : TwinPayloads.Result(newEventId(), nowMs, outcome.SyncResult);
        return new TwinUpdateReplies(result, document, delta, cloud, outcome);
    }

    /// <summary>Handles <c>.../twin/get</c>: the device's visible twins, or KubeEdge's 400/404 error body.</summary>
    public static string HandleGet(string deviceId, IReadOnlyDictionary<string, MsgTwin>? twins, ReadOnlySpan<byte> payload, long nowMs)
    {
        if (!TwinRequestParser.TryParseBase(payload, out var request, out var parseError))
        {
            return TwinPayloads.Error(string.Empty, nowMs, TwinCodes.BadRequest, parseError);
        }

        var eventId = request.EventId ?? string.Empty;
        return twins is null
            ? TwinPayloads.Error(eventId, nowMs, TwinCodes.NotFound, $"Device {deviceId} not found while getting twin")
            : TwinPayloads.Result(eventId, nowMs, TwinPayloads.Visible(twins));
    }

    private static TwinUpdateReplies Rejected(DealType dealType, string error) =>
        new(dealType == DealType.Rest ? error : null, null, null, null, null);
}
