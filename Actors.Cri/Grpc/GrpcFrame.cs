using System.Buffers;
using System.Buffers.Binary;

namespace Actors.Cri.Grpc;

/// <summary>
/// gRPC length-prefixed message framing (pure, byte-level): 1 byte compressed flag, 4 bytes
/// big-endian message length, then the message bytes. We never compress, and we refuse
/// compressed frames because we advertise no <c>grpc-accept-encoding</c>.
/// </summary>
public static class GrpcFrame
{
    /// <summary>Size of the frame header (flag + length).</summary>
    public const int HeaderSize = 5;

    /// <summary>Writes one uncompressed frame holding <paramref name="message"/>.</summary>
    public static void Write(IBufferWriter<byte> writer, ReadOnlySpan<byte> message)
    {
        var span = writer.GetSpan(HeaderSize + message.Length);
        span[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)message.Length);
        message.CopyTo(span[HeaderSize..]);
        writer.Advance(HeaderSize + message.Length);
    }

    /// <summary>Returns a new array holding one uncompressed frame of <paramref name="message"/>.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> message)
    {
        var buffer = new ArrayBufferWriter<byte>(HeaderSize + message.Length);
        Write(buffer, message);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads a frame header. Returns false when fewer than <see cref="HeaderSize"/> bytes are
    /// available. Throws <see cref="CriException"/> (Internal) for a compressed flag or an invalid
    /// flag value, and (ResourceExhausted) when the length exceeds <paramref name="maxMessageSize"/>.
    /// </summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> buffer, int maxMessageSize, out int messageLength)
    {
        messageLength = 0;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }

        var flag = buffer[0];
        if (flag == 1)
        {
            throw new CriException(GrpcStatusCode.Internal, "received a compressed gRPC message, but no compression was negotiated");
        }

        if (flag != 0)
        {
            throw new CriException(GrpcStatusCode.Internal, $"invalid gRPC frame flag 0x{flag:x2}");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(buffer[1..]);
        if (length > (uint)maxMessageSize)
        {
            throw new CriException(GrpcStatusCode.ResourceExhausted, $"received message larger than max ({length} vs. {maxMessageSize})");
        }

        messageLength = (int)length;
        return true;
    }

    /// <summary>
    /// Decodes a complete unary response body: exactly one frame, nothing after it. Returns the
    /// message bytes (a slice of <paramref name="body"/>). Throws <see cref="CriException"/> for
    /// a truncated frame, trailing bytes, an empty body or an oversized message.
    /// </summary>
    public static ReadOnlyMemory<byte> DecodeSingle(ReadOnlyMemory<byte> body, int maxMessageSize)
    {
        if (body.Length == 0)
        {
            throw new CriException(GrpcStatusCode.Internal, "the response carried no message");
        }

        if (!TryReadHeader(body.Span, maxMessageSize, out var length))
        {
            throw new CriException(GrpcStatusCode.Internal, $"truncated gRPC frame header ({body.Length} bytes)");
        }

        var available = body.Length - HeaderSize;
        if (available < length)
        {
            throw new CriException(GrpcStatusCode.Internal, $"truncated gRPC message: header says {length} bytes, {available} received");
        }

        if (available > length)
        {
            throw new CriException(GrpcStatusCode.Internal, "a unary response carried more than one message");
        }

        return body.Slice(HeaderSize, length);
    }
}
