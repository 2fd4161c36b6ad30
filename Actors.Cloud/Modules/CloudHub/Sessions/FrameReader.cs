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
    private readonly byte[] _chunk = new byte[16 * 1024];

    public async Task<(FrameReadStatus Status, byte[] Frame, long Size)> ReadAsync(CancellationToken cancel)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        long size = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(_chunk.AsMemory(), cancel).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (FrameReadStatus.Closed, [], 0);
            }

            size += result.Count;
            if (size <= maxBytes)
            {
                buffer.Write(_chunk.AsSpan(0, result.Count));
            }

            if (result.EndOfMessage)
            {
                return size <= maxBytes
                    ? (FrameReadStatus.Frame, buffer.WrittenSpan.ToArray(), size)
                    : (FrameReadStatus.TooLarge, [], size);
            }
        }
    }
}
