using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Messages.Bus;
using Actors.Messages.DeviceTwin;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary>
/// Classifies envelopes arriving at DeviceTwin: EdgeHub's connection broadcasts, confirmations (any envelope with a
/// parent id), MQTT messages forwarded by EventBus (source <c>bus</c>) and cloud messages (membership, twin sync,
/// attribute updates).
/// </summary>
public static class RequestClassifier
{
    private const string CloudUpdatedSuffix = "/" + ResourcePaths.TwinCloudUpdatedSuffix;

    public static Classified Classify(MessageEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        switch (BusTranslator.TryParseConnection(envelope))
        {
            case CloudConnected:
                return new ConnectionMessage(true);
            case CloudDisconnected:
                return new ConnectionMessage(false);
        }

        if (envelope.Header.IsResponse)
        {
            return new ConfirmationMessage(envelope.Header.ParentMsgId);
        }

        if (TwinMqttTranslator.TryParseMqtt(envelope, out var topic, out var payload))
        {
            var request = TwinTopics.Parse(topic, payload, out var reason);
            return request is null ? new IgnoredMessage(reason) : new RequestMessage(request);
        }

        return FromCloud(envelope);
    }

    private static Classified FromCloud(MessageEnvelope envelope)
    {
        var route = envelope.Route;
        var resource = ResourcePaths.TrimForEdge(route.Resource);
        if (resource.EndsWith(CloudUpdatedSuffix, StringComparison.Ordinal))
        {
            return Device(resource[..^CloudUpdatedSuffix.Length], id => new CloudTwinSyncRequest(id, Text(envelope.Content)));
        }

        if (route.Operation.Contains(Operations.Updated, StringComparison.Ordinal) && resource.StartsWith(ResourceTypes.Device + "/", StringComparison.Ordinal))
        {
            var path = resource.EndsWith("/" + Operations.Updated, StringComparison.Ordinal) ? resource[..^(Operations.Updated.Length + 1)] : resource;
            return Device(path, id => new CloudDeviceUpdatedRequest(id, Text(envelope.Content)));
        }

        if (resource == ResourceTypes.Membership && route.Operation == Operations.Update)
        {
            return TwinTranslator.TryParse(envelope, out var reason) is MembershipUpdated membership
                ? new RequestMessage(new MembershipUpdateRequest(membership))
                : new IgnoredMessage(reason ?? "bad membership content");
        }

        return new IgnoredMessage($"'{route.Operation}' on '{route.Resource}' from '{route.Source}' is not a DeviceTwin message");
    }

    /// <summary><c>device/&lt;id&gt;</c> with a one- or two-segment id.</summary>
    private static Classified Device(string path, Func<string, TwinRequest> create)
    {
        var prefix = ResourceTypes.Device + "/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal) || !DeviceIds.TryNormalize(path[prefix.Length..], out var id, out var reason))
        {
            return new IgnoredMessage($"'{path}' does not name a device");
        }

        _ = reason;
        return new RequestMessage(create(id));
    }

    private static string Text(MessageContent content) => content.Kind == ContentKind.String ? content.AsString()! : content.ToString();
}
