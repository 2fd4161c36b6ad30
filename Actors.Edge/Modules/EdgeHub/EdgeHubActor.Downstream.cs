using Actors.Kernel.Actor;
using Actors.Messages.Bus;
using Actors.Messages.CloudHub;
using Actors.Messages.EdgeHub;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EdgeHub;

/// <summary>Cloud → edge: decode, answer viaduct control messages, filter duplicates, dispatch, acknowledge.</summary>
internal sealed partial class EdgeHubActor
{
    /// <summary>
    /// Handles one frame from the cloud. A frame the codec rejects is logged and dropped (the connection stays up).
    /// A message whose msg_id was seen recently is not dispatched again, but is acknowledged again when
    /// <see cref="AckPolicy.RequiresAck"/> says so (the cloud resends until it gets an ACK). Otherwise it is dispatched
    /// with <see cref="EdgeHubTranslator.RouteFromCloud"/> and then acknowledged.
    /// <para>
    /// What the ACK guarantees: it is written only after the message was handed to the module bus (the bus actor's
    /// mailbox accepted it, in this process). It does not mean the target module has processed or persisted it: if
    /// edgecore dies in between, the message is lost on this side and the cloud will not resend it (its
    /// resourceVersion bookkeeping already counts it as delivered). A message no handler accepts (dispatch "drop") is
    /// not acknowledged and not remembered, so a resend is dropped again. ACKs are written directly, not through the outbox: an ACK lost with the connection is
    /// answered by the cloud's retry, which the duplicate filter acknowledges again.
    /// </para>
    /// </summary>
    private void Downstream(byte[] frame)
    {
        if (!EnvelopeCodec.TryDecode(frame, out var envelope, out var error, _codec))
        {
            Log.LogWarning("Dropped a malformed message from cloudhub ({Bytes} bytes): {Error}", frame.Length, error);
            return;
        }

        if (ViaductControl.IsControl(envelope!))
        {
            Write(ViaductControl.Reply(envelope!, MessageHeader.New(_context.Time)));
            return;
        }

        var requiresAck = AckPolicy.RequiresAck(envelope!);
        if (_seen.Contains(envelope!.Header.MsgId))
        {
            Log.LogDebug("Duplicate cloud message {MsgId} not dispatched again", envelope.Header.MsgId);
            if (requiresAck)
            {
                Acknowledge(envelope);
            }

            return;
        }

        if (!Dispatch(envelope))
        {
            return;
        }

        _seen.Add(envelope.Header.MsgId);
        if (requiresAck)
        {
            Acknowledge(envelope);
        }
    }

    /// <summary>Hands the message to the bus; false when no handler exists for it (logged).</summary>
    private bool Dispatch(MessageEnvelope envelope)
    {
        var route = EdgeHubTranslator.RouteFromCloud(envelope);
        var message = new BusMessage(envelope);
        switch (route.Kind)
        {
            case EdgeDispatchKind.Response:
                _context.Bus.SendResponse(message);
                return true;
            case EdgeDispatchKind.Group:
                _context.Bus.SendToGroup(route.Target, message);
                return true;
            case EdgeDispatchKind.Module:
                _context.Bus.Send(route.Target, message);
                return true;
            default:
                Log.LogWarning(
                    "Dropped cloud message {MsgId} ({Operation} {Resource}): {Reason}",
                    envelope.Header.MsgId,
                    envelope.Route.Operation,
                    envelope.Route.Resource,
                    route.Target);
                return false;
        }
    }

    private void Acknowledge(MessageEnvelope envelope) =>
        Write(EdgeHubTranslator.ToEnvelope(DeliveryAck.For(envelope), MessageHeader.New(_context.Time)));

    private void Write(MessageEnvelope envelope) => _connection.Tell(new WriteFrame(_link, 0, EnvelopeCodec.Encode(envelope)));
}
