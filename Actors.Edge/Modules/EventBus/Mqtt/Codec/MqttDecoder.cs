using System.Buffers;

namespace Actors.Edge.Modules.EventBus.Mqtt.Codec;

/// <summary>
/// Decodes MQTT 3.1.1 control packets from a byte sequence. Pure: no I/O, no state. The size limit is
/// checked on the fixed header, before the body has to be buffered.
/// </summary>
public static class MqttDecoder
{
    /// <summary>The largest remaining length a 4-byte varint can express (268,435,455).</summary>
    public const int MaxRemainingLength = 268_435_455;

    /// <summary>
    /// Tries to decode one packet from the start of <paramref name="buffer"/>. Returns false when more
    /// bytes are needed (buffer unchanged); on success <paramref name="buffer"/> is advanced past the packet.
    /// </summary>
    /// <exception cref="MqttProtocolException">The bytes violate the protocol or exceed <paramref name="maxPacketSize"/>.</exception>
    public static bool TryDecode(ref ReadOnlySequence<byte> buffer, int maxPacketSize, out MqttPacket? packet)
    {
        packet = null;
        if (!TryReadFixedHeader(buffer, maxPacketSize, out var first, out var headerLength, out var remaining))
        {
            return false;
        }

        var total = headerLength + remaining;
        if (buffer.Length < total)
        {
            return false;
        }

        var body = buffer.Slice(headerLength, remaining);
        if (body.IsSingleSegment)
        {
            packet = DecodeBody(first, body.FirstSpan);
        }
        else
        {
            var rented = ArrayPool<byte>.Shared.Rent(remaining);
            try
            {
                body.CopyTo(rented);
                packet = DecodeBody(first, rented.AsSpan(0, remaining));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        buffer = buffer.Slice(total);
        return true;
    }

    /// <summary>Decodes exactly one complete packet; throws when <paramref name="bytes"/> holds less or more.</summary>
    public static MqttPacket Decode(ReadOnlySpan<byte> bytes, int maxPacketSize = MaxRemainingLength + 5)
    {
        var sequence = new ReadOnlySequence<byte>(bytes.ToArray());
        if (!TryDecode(ref sequence, maxPacketSize, out var packet))
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, "incomplete packet");
        }

        if (sequence.Length != 0)
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, "bytes after the packet");
        }

        return packet!;
    }

    private static bool TryReadFixedHeader(in ReadOnlySequence<byte> buffer, int maxPacketSize, out byte first, out int headerLength, out int remaining)
    {
        first = 0;
        headerLength = 0;
        remaining = 0;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryRead(out first))
        {
            return false;
        }

        var type = first >> 4;
        if (type is 0 or 15)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidPacketType, "reserved packet type " + type);
        }

        var multiplier = 1;
        for (var i = 0; ; i++)
        {
            if (!reader.TryRead(out var b))
            {
                return false;
            }

            remaining += (b & 0x7F) * multiplier;
            if ((b & 0x80) == 0)
            {
                break;
            }

            if (i == 3)
            {
                throw new MqttProtocolException(MqttProtocolError.MalformedRemainingLength, "remaining length longer than 4 bytes");
            }

            multiplier *= 128;
        }

        headerLength = (int)reader.Consumed;
        if ((long)headerLength + remaining > maxPacketSize)
        {
            throw new MqttProtocolException(
                MqttProtocolError.PacketTooLarge,
                "packet of " + (headerLength + remaining) + " bytes exceeds the maximum packet size of " + maxPacketSize);
        }

        return true;
    }

    private static MqttPacket DecodeBody(byte first, ReadOnlySpan<byte> body)
    {
        var type = (MqttPacketType)(first >> 4);
        var flags = first & 0x0F;
        if (type != MqttPacketType.Publish)
        {
            var expected = type is MqttPacketType.PubRel or MqttPacketType.Subscribe or MqttPacketType.Unsubscribe ? 2 : 0;
            if (flags != expected)
            {
                throw new MqttProtocolException(MqttProtocolError.InvalidFlags, type + " with reserved flags 0x" + flags.ToString("X", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        var reader = new MqttSpanReader(body);
        return type switch
        {
            MqttPacketType.Connect => MqttConnectDecoder.Decode(ref reader),
            MqttPacketType.ConnAck => DecodeConnAck(ref reader),
            MqttPacketType.Publish => DecodePublish(flags, ref reader),
            MqttPacketType.PubAck => new PubAckPacket(ReadIdOnly(ref reader, type)),
            MqttPacketType.PubRec => new PubRecPacket(ReadIdOnly(ref reader, type)),
            MqttPacketType.PubRel => new PubRelPacket(ReadIdOnly(ref reader, type)),
            MqttPacketType.PubComp => new PubCompPacket(ReadIdOnly(ref reader, type)),
            MqttPacketType.Subscribe => DecodeSubscribe(ref reader),
            MqttPacketType.SubAck => DecodeSubAck(ref reader),
            MqttPacketType.Unsubscribe => DecodeUnsubscribe(ref reader),
            MqttPacketType.UnsubAck => new UnsubAckPacket(ReadIdOnly(ref reader, type)),
            MqttPacketType.PingReq => Empty(ref reader, PingReqPacket.Instance),
            MqttPacketType.PingResp => Empty(ref reader, PingRespPacket.Instance),
            _ => Empty(ref reader, DisconnectPacket.Instance),
        };
    }

    private static MqttPacket Empty(ref MqttSpanReader reader, MqttPacket packet)
    {
        reader.ExpectEnd(packet.Type.ToString());
        return packet;
    }

    private static ushort ReadIdOnly(ref MqttSpanReader reader, MqttPacketType type)
    {
        var id = reader.ReadPacketId();
        reader.ExpectEnd(type.ToString());
        return id;
    }

    private static ConnAckPacket DecodeConnAck(ref MqttSpanReader reader)
    {
        var ackFlags = reader.ReadByte();
        if ((ackFlags & 0xFE) != 0)
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, "CONNACK reserved flag bits set");
        }

        var code = reader.ReadByte();
        reader.ExpectEnd("CONNACK");
        if (code > 5)
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, "CONNACK return code " + code + " is reserved");
        }

        return new ConnAckPacket((ackFlags & 1) == 1, (ConnectReturnCode)code);
    }

    private static PublishPacket DecodePublish(int flags, ref MqttSpanReader reader)
    {
        var qos = (flags >> 1) & 3;
        if (qos == 3)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidQos, "PUBLISH with QoS 3");
        }

        var dup = (flags & 8) != 0;
        if (dup && qos == 0)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidFlags, "PUBLISH with QoS 0 and DUP set");
        }

        var topic = reader.ReadString("topic name");
        if (!MqttTopic.IsValidTopicName(topic))
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidTopicName, "invalid PUBLISH topic name '" + topic + "'");
        }

        var id = qos > 0 ? reader.ReadPacketId() : (ushort)0;
        var payload = reader.ReadToEnd().ToArray();
        return new PublishPacket(topic, payload, (MqttQos)qos, (flags & 1) != 0, dup, id);
    }

    private static SubscribePacket DecodeSubscribe(ref MqttSpanReader reader)
    {
        var id = reader.ReadPacketId();
        var list = new List<TopicSubscription>();
        while (reader.Remaining > 0)
        {
            var filter = reader.ReadString("topic filter");
            var options = reader.ReadByte();
            if ((options & 0xFC) != 0 || (options & 3) == 3)
            {
                throw new MqttProtocolException(MqttProtocolError.InvalidQos, "SUBSCRIBE requested QoS byte 0x" + options.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }

            list.Add(new TopicSubscription(filter, (MqttQos)options));
        }

        if (list.Count == 0)
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, "SUBSCRIBE without topic filters");
        }

        return new SubscribePacket(id, list);
    }

    private static SubAckPacket DecodeSubAck(ref MqttSpanReader reader)
    {
        var id = reader.ReadPacketId();
        var codes = reader.ReadToEnd().ToArray();
        if (codes.Length == 0 || codes.Any(c => c is > 2 and not SubAckPacket.Failure))
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, "SUBACK with missing or reserved return codes");
        }

        return new SubAckPacket(id, codes);
    }

    private static UnsubscribePacket DecodeUnsubscribe(ref MqttSpanReader reader)
    {
        var id = reader.ReadPacketId();
        var list = new List<string>();
        while (reader.Remaining > 0)
        {
            list.Add(reader.ReadString("topic filter"));
        }

        if (list.Count == 0)
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, "UNSUBSCRIBE without topic filters");
        }

        return new UnsubscribePacket(id, list);
    }
}
