using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Actors.Edge.Modules.EventBus.Mqtt.Codec;

/// <summary>Reads the variable header and payload of one packet body; every overrun is a protocol error.</summary>
internal ref struct MqttSpanReader
{
    private readonly ReadOnlySpan<byte> _span;
    private int _position;

    public MqttSpanReader(ReadOnlySpan<byte> span)
    {
        _span = span;
        _position = 0;
    }

    public readonly int Remaining => _span.Length - _position;

    public byte ReadByte()
    {
        Need(1, "byte");
        return _span[_position++];
    }

    public ushort ReadUInt16()
    {
        Need(2, "two-byte integer");
        var value = BinaryPrimitives.ReadUInt16BigEndian(_span[_position..]);
        _position += 2;
        return value;
    }

    public ushort ReadPacketId()
    {
        var id = ReadUInt16();
        if (id == 0)
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, "packet identifier 0 is not allowed");
        }

        return id;
    }

    /// <summary>A length-prefixed UTF-8 string (1.5.3): well-formed UTF-8 without U+0000.</summary>
    public string ReadString(string what)
    {
        var bytes = ReadBinarySpan(what);
        if (!Utf8.IsValid(bytes))
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidUtf8, what + " is not well-formed UTF-8");
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidUtf8, what + " contains U+0000");
        }

        return Encoding.UTF8.GetString(bytes);
    }

    public ReadOnlySpan<byte> ReadBinarySpan(string what)
    {
        Need(2, what + " length");
        var length = BinaryPrimitives.ReadUInt16BigEndian(_span[_position..]);
        _position += 2;
        Need(length, what);
        var bytes = _span.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public ReadOnlySpan<byte> ReadToEnd()
    {
        var rest = _span[_position..];
        _position = _span.Length;
        return rest;
    }

    public readonly void ExpectEnd(string packet)
    {
        if (_position != _span.Length)
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, packet + " has " + Remaining + " unexpected trailing bytes");
        }
    }

    private readonly void Need(int count, string what)
    {
        if (_span.Length - _position < count)
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, "packet truncated while reading " + what);
        }
    }
}
