namespace Actors.Edge.Modules.EdgeHub;

// The private protocol between the EdgeHub root actor and its connection child (message-family file).

/// <summary>
/// Root → connection: write one frame on the socket of <paramref name="Link"/> (from <see cref="LinkUp"/>); frames for
/// an earlier socket are dropped, so a frame never jumps ahead of the outbox replay on a newer socket.
/// <paramref name="OutboxSeq"/> is echoed in <see cref="FrameWritten"/> (0 = not from the outbox).
/// </summary>
internal sealed record WriteFrame(int Link, long OutboxSeq, byte[] Frame);

/// <summary>Connection → root: a frame was written to the socket (outbox frames only).</summary>
internal sealed record FrameWritten(long OutboxSeq);

/// <summary>Connection → root: the WebSocket <paramref name="Link"/> is open (handshake done).</summary>
internal sealed record LinkUp(DateTimeOffset At, int Link);

/// <summary>Connection → root: the WebSocket is gone; frames not yet confirmed by <see cref="FrameWritten"/> were not written.</summary>
internal sealed record LinkDown(DateTimeOffset At, string Reason);

/// <summary>Connection → root: one complete message (text or binary) from the cloud, within the size limit.</summary>
internal sealed record FrameReceived(byte[] Frame);
