using System.Buffers;
using System.Buffers.Binary;

namespace Actors.Edge.Modules.EventBus.Mqtt.Codec;

/// <summary>CONNECT encoding (3.1.2, 3.1.3).</summary>
internal static class MqttConnectEncoder
{
    public static int Write(ConnectPacket c, IBufferWriter<byte> writer)
    {
        var protocolName = c.ProtocolLevel == 3 ? "MQIsdp" : "MQTT";
        var remaining = MqttEncoder.StringSize(protocolName) + 4 + MqttEncoder.StringSize(c.ClientId);
        if (c.Will is { } will)
        {
            remaining += MqttEncoder.StringSize(will.Topic) + BinarySize(will.Payload.Length, "will message");
        }

        if (c.Username is not null)
        {
            remaining += MqttEncoder.StringSize(c.Username);
        }

        if (c.Password is { } password)
        {
            if (c.Username is null)
            {
                throw new ArgumentException("MQTT 3.1.1 does not allow a password without a user name", nameof(c));
            }

            remaining += BinarySize(password.Length, "password");
        }

        var span = MqttEncoder.Begin(writer, 0x10, remaining, out var total);
        var at = MqttEncoder.WriteString(span, protocolName);
        span[at++] = c.ProtocolLevel;
        span[at++] = Flags(c);
        BinaryPrimitives.WriteUInt16BigEndian(span[at..], c.KeepAliveSeconds);
        at += 2;
        at += MqttEncoder.WriteString(span[at..], c.ClientId);
        if (c.Will is { } w)
        {
            at += MqttEncoder.WriteString(span[at..], w.Topic);
            at += MqttEncoder.WriteBinary(span[at..], w.Payload.Span);
        }

        if (c.Username is not null)
        {
            at += MqttEncoder.WriteString(span[at..], c.Username);
        }

        if (c.Password is { } p)
        {
            MqttEncoder.WriteBinary(span[at..], p.Span);
        }

        writer.Advance(total);
        return total;
    }

    private static int BinarySize(int length, string what) =>
        length <= ushort.MaxValue ? length + 2 : throw new ArgumentException(what + " longer than 65535 bytes", what);

    private static byte Flags(ConnectPacket c)
    {
        var flags = 0;
        if (c.CleanSession)
        {
            flags |= 0x02;
        }

        if (c.Will is { } will)
        {
            flags |= 0x04 | ((int)will.Qos << 3) | (will.Retain ? 0x20 : 0);
        }

        if (c.Password is not null)
        {
            flags |= 0x40;
        }

        if (c.Username is not null)
        {
            flags |= 0x80;
        }

        return (byte)flags;
    }
}
