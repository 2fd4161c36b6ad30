namespace Actors.Messages.Wire;

/// <summary>
/// Viaduct's control messages: an incoming message whose operation is <c>config</c>, <c>ping</c> or <c>pong</c> is
/// answered at once with a <c>response</c> (parent = its msg_id, content <c>"ack"</c>) and not routed further.
/// </summary>
public static class ViaductControl
{
    public static bool IsControl(MessageEnvelope envelope) =>
        envelope.Route.Operation is "config" or "ping" or "pong";

    /// <summary>The immediate reply to a control message.</summary>
    public static MessageEnvelope Reply(MessageEnvelope control, MessageHeader header) =>
        MessageEnvelope.ResponseTo(control, header, MessageContent.FromString("ack"));
}
