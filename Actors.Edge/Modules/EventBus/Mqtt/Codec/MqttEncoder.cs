using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Actors.Edge.Modules.EventBus.Mqtt.Codec;

/// <summary>Encodes MQTT 3.1.1 control packets into an <see cref="IBufferWriter{T}"/>. Pure: no I/O.</summary>
public static class MqttEncoder
{
    /// <summary>Writes <paramref name="packet"/> and returns the number of bytes written.</summary>
    /// <exception cref="ArgumentException">A field cannot be represented (string over 65535 bytes, body too large).</exception>
    public static int Write(MqttPacket packet, IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(writer);
        return packet switch
        {
            PublishPacket p => WritePublish(p, writer),
            ConnectPacket c => MqttConnectEncoder.Write(c, writer),
            ConnAckPacket a => WriteFixed(writer, 0x20, (byte)(a.SessionPresent ? 1 : 0), (byte)a.ReturnCode),
            PubAckPacket a => WriteId(writer, 0x40, a.PacketId),
            PubRecPacket a => WriteId(writer, 0x50, a.PacketId),
            PubRelPacket a => WriteId(writer, 0x62, a.PacketId),
            PubCompPacket a => WriteId(writer, 0x70, a.PacketId),
            SubscribePacket s => WriteSubscribe(s, writer),
            SubAckPacket s => WriteSubAck(s, writer),
            UnsubscribePacket u => WriteUnsubscribe(u, writer),
            UnsubAckPacket a => WriteId(writer, 0xB0, a.PacketId),
            PingReqPacket => WriteEmpty(writer, 0xC0),
            PingRespPacket => WriteEmpty(writer, 0xD0),
            DisconnectPacket => WriteEmpty(writer, 0xE0),
            _ => throw new ArgumentException("unknown packet type " + packet.GetType().Name, nameof(packet)),
        };
    }

    /// <summary>Encodes into a new array (tests, diagnostics).</summary>
    public static byte[] ToArray(MqttPacket packet)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(packet, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Size of the whole encoded PUBLISH packet (fixed header included).</summary>
    public static int PublishSize(PublishPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var remaining = PublishRemaining(packet);
        return 1 + VarIntSize(remaining) + remaining;
    }

    internal static int VarIntSize(int value) => value < 128 ? 1 : value < 16_384 ? 2 : value < 2_097_152 ? 3 : 4;

    internal static int StringSize(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        if (count > ushort.MaxValue)
        {
            throw new ArgumentException("string of " + count + " UTF-8 bytes exceeds 65535", nameof(value));
        }

        return 2 + count;
    }

    internal static Span<byte> Begin(IBufferWriter<byte> writer, byte first, int remaining, out int total)
    {
        if (remaining > MqttDecoder.MaxRemainingLength)
        {
            throw new ArgumentException("packet body of " + remaining + " bytes exceeds the MQTT maximum", nameof(remaining));
        }

        total = 1 + VarIntSize(remaining) + remaining;
        var span = writer.GetSpan(total)[..total];
        span[0] = first;
        var i = 1;
        do
        {
            var b = (byte)(remaining % 128);
            remaining /= 128;
            span[i++] = remaining > 0 ? (byte)(b | 0x80) : b;
        }
        while (remaining > 0);
        return span[i..];
    }

    internal static int WriteString(Span<byte> span, string value)
    {
        var n = Encoding.UTF8.GetBytes(value, span[2..]);
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)n);
        return n + 2;
    }

    internal static int WriteBinary(Span<byte> span, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)value.Length);
        value.CopyTo(span[2..]);
        return value.Length + 2;
    }

    private static int PublishRemaining(PublishPacket p) => StringSize(p.Topic) + (p.Qos > 0 ? 2 : 0) + p.Payload.Length;

    private static int WritePublish(PublishPacket p, IBufferWriter<byte> writer)
    {
        if (p.Qos > MqttQos.ExactlyOnce)
        {
            throw new ArgumentException("invalid QoS " + (int)p.Qos, nameof(p));
        }

        var first = (byte)(0x30 | ((int)p.Qos << 1) | (p.Retain ? 1 : 0) | (p.Dup ? 8 : 0));
        var span = Begin(writer, first, PublishRemaining(p), out var total);
        var at = WriteString(span, p.Topic);
        if (p.Qos > 0)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[at..], p.PacketId);
            at += 2;
        }

        p.Payload.Span.CopyTo(span[at..]);
        writer.Advance(total);
        return total;
    }

    private static int WriteFixed(IBufferWriter<byte> writer, byte first, byte a, byte b)
    {
        var span = writer.GetSpan(4);
        span[0] = first;
        span[1] = 2;
        span[2] = a;
        span[3] = b;
        writer.Advance(4);
        return 4;
    }

    private static int WriteId(IBufferWriter<byte> writer, byte first, ushort id) =>
        WriteFixed(writer, first, (byte)(id >> 8), (byte)id);

    private static int WriteEmpty(IBufferWriter<byte> writer, byte first)
    {
        var span = writer.GetSpan(2);
        span[0] = first;
        span[1] = 0;
        writer.Advance(2);
        return 2;
    }

    private static int WriteSubscribe(SubscribePacket s, IBufferWriter<byte> writer)
    {
        var remaining = 2 + s.Subscriptions.Sum(x => StringSize(x.Filter) + 1);
        var span = Begin(writer, 0x82, remaining, out var total);
        BinaryPrimitives.WriteUInt16BigEndian(span, s.PacketId);
        var at = 2;
        foreach (var sub in s.Subscriptions)
        {
            at += WriteString(span[at..], sub.Filter);
            span[at++] = (byte)sub.Qos;
        }

        writer.Advance(total);
        return total;
    }

    private static int WriteSubAck(SubAckPacket s, IBufferWriter<byte> writer)
    {
        var span = Begin(writer, 0x90, 2 + s.ReturnCodes.Count, out var total);
        BinaryPrimitives.WriteUInt16BigEndian(span, s.PacketId);
        for (var i = 0; i < s.ReturnCodes.Count; i++)
        {
            span[2 + i] = s.ReturnCodes[i];
        }

        writer.Advance(total);
        return total;
    }

    private static int WriteUnsubscribe(UnsubscribePacket u, IBufferWriter<byte> writer)
    {
        var remaining = 2 + u.Filters.Sum(StringSize);
        var span = Begin(writer, 0xA2, remaining, out var total);
        BinaryPrimitives.WriteUInt16BigEndian(span, u.PacketId);
        var at = 2;
        foreach (var filter in u.Filters)
        {
            at += WriteString(span[at..], filter);
        }

        writer.Advance(total);
        return total;
    }
}
