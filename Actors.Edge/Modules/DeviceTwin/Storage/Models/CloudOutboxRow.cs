namespace Actors.Edge.Modules.DeviceTwin.Storage.Models;

/// <summary>
/// A row of <c>device_cloud_outbox</c>: one message for the cloud that is not confirmed yet. <see cref="Envelope"/> is
/// the whole beehive envelope as JSON; <see cref="MsgId"/> its <c>msg_id</c> (the confirmation's parent id);
/// <see cref="Seq"/> the insertion order (assigned by the store, 0 before saving).
/// </summary>
public sealed record CloudOutboxRow(long Seq, string MsgId, string Envelope);
