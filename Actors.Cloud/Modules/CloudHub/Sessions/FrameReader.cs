using System.Buffers;
using System.Net.WebSockets;

namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>Outcome of reading one WebSocket message.</summary>
internal enum FrameReadStatus
{
    Frame,
    TooLarge,
    Closed,
}

/// <summary>
/// Reads whole WebSocket messages (text or binary) up to a size limit. An oversized message is read to its end and
/// discarded, so the connection stays usable and the session survives.
/// </summary>
internal sealed class FrameReader(WebSocket socket, int maxBytes)
{
    // Small on purpose: an idle session holds this buffer while it waits (memory per connected node); bigger
    // messages just take more receive calls.
    private readonly byte[] _chunk = new byte[4 * 1024];

    public async Task<(FrameReadStatus Status, byte[] Frame, long Size)> ReadAsync(CancellationToken cancel)
    {
        ArrayBufferWriter<byte>? buffer = null;
        long size = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(_chunk.AsMemory(), cancel).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (FrameReadStatus.Closed, [], 0);
            }

            size += result.Count;
            if (result.EndOfMessage && buffer is null && size <= maxBytes)
            {
                return (FrameReadStatus.Frame, _chunk.AsSpan(0, result.Count).ToArray(), size); // one chunk: no copy buffer
            }

            if (size <= maxBytes)
            {
                buffer ??= new ArrayBufferWriter<byte>(_chunk.Length * 2);
                buffer.Write(_chunk.AsSpan(0, result.Count));
            }

            if (result.EndOfMessage)
            {
                return size <= maxBytes
                    ? (FrameReadStatus.Frame, buffer!.WrittenSpan.ToArray(), size)
                    : (FrameReadStatus.TooLarge, [], size);
            }
        }
    }
}
