namespace Actors.Messages.Wire;

/// <summary>
/// A beehive message as KubeEdge puts it on the wire: <c>{"header":…,"route":…,"content":…}</c>.
/// Encode and decode with <see cref="EnvelopeCodec"/>.
/// </summary>
public sealed record MessageEnvelope(MessageHeader Header, MessageRoute Route, MessageContent Content)
{
    /// <summary>
    /// A response to <paramref name="request"/> as beehive's <c>NewRespByMessage</c> builds it: source, group,
    /// resource and type copied, operation <c>response</c>, parent id = the request's id.
    /// </summary>
    public static MessageEnvelope ResponseTo(MessageEnvelope request, MessageHeader header, MessageContent content) =>
        new(
            header with { ParentMsgId = request.Header.MsgId, Type = request.Header.Type, Sync = false },
            new MessageRoute(request.Route.Source, request.Route.Group, "response", request.Route.Resource),
            content);

    /// <summary>
    /// An error reply as beehive's <c>NewErrorMessage</c> builds it: operation <c>error</c>, the request's resource,
    /// no source or group, content = the error text.
    /// </summary>
    public static MessageEnvelope ErrorTo(MessageEnvelope request, MessageHeader header, string error) =>
        new(
            header with { ParentMsgId = request.Header.MsgId, Type = request.Header.Type, Sync = false },
            new MessageRoute(Operation: "error", Resource: request.Route.Resource),
            MessageContent.FromString(error));
}
