namespace Actors.Edge.Modules.EdgeHub.Outbox;

/// <summary>One stored upstream message: its position (ascending = send order), msg_id and encoded frame.</summary>
public sealed record OutboxEntry(long Seq, string MsgId, byte[] Frame);
