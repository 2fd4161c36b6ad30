using Actors.Kernel.Actor;
using Actors.Messages.Bus;
using Actors.Messages.CloudHub;
using Actors.Messages.EdgeHub;
using Actors.Messages.Routing;
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
    /// Who acknowledges: messages for the meta group (objects MetaManager stores) are acknowledged by MetaManager
    /// after its write has committed, as in KubeEdge, so an ACK means the object is on disk; EdgeHub neither ACKs nor
    /// de-duplicates them (MetaManager's upsert is idempotent and forwards to EdgeD only on change, so a resend just
    /// gets acknowledged again). Other messages are acknowledged here once the bus accepted them: that means handed
    /// over in this process, not processed. A message no handler accepts is not acknowledged and not remembered.
    /// ACKs are written directly, not through the outbox: an ACK lost with the connection is answered by the cloud's
    /// retry.
    /// </para>
    /// </summary>
    private void Downstream(byte[] frame)
    {
        _metrics.Received();
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

        var route = EdgeHubTranslator.RouteFromCloud(envelope!);
        var storedByMeta = route is { Kind: EdgeDispatchKind.Group, Target: Groups.Meta } or { Kind: EdgeDispatchKind.Module, Target: ModuleNames.MetaManager };
        var requiresAck = AckPolicy.RequiresAck(envelope!) && !storedByMeta;
        if (!storedByMeta && _seen.Contains(envelope!.Header.MsgId))
        {
            Log.LogDebug("Duplicate cloud message {MsgId} not dispatched again", envelope.Header.MsgId);
            if (requiresAck)
            {
                Acknowledge(envelope);
            }

            return;
        }

        if (!Dispatch(envelope!, route))
        {
            return;
        }

        if (!storedByMeta)
        {
            _seen.Add(envelope!.Header.MsgId);
        }

        if (requiresAck)
        {
            Acknowledge(envelope!);
        }
    }

    /// <summary>Hands the message to the bus; false when no handler exists for it (logged).</summary>
    private bool Dispatch(MessageEnvelope envelope, EdgeDispatch route)
    {
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
