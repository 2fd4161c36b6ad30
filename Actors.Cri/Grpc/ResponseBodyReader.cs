namespace Actors.Cri.Grpc;

/// <summary>Reads a unary response body to its end, refusing to buffer more than one maximal frame.</summary>
internal static class ResponseBodyReader
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContent content, int maxMessageSize, CancellationToken cancellationToken)
    {
        var limit = (long)maxMessageSize + GrpcFrame.HeaderSize;
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(limit + 1, 64 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > limit)
                {
                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min(limit + 1, (long)buffer.Length * 2));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return buffer.AsMemory(0, length);
            }

            length += read;
            // Fail fast on an oversized header before buffering the body behind it.
            GrpcFrame.TryReadHeader(buffer.AsSpan(0, length), maxMessageSize, out _);
        }

        throw new CriException(GrpcStatusCode.ResourceExhausted, $"response larger than max message size {maxMessageSize}");
    }
}
