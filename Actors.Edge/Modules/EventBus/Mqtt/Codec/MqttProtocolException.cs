namespace Actors.Edge.Modules.EventBus.Mqtt.Codec;

/// <summary>What was wrong with bytes received from a peer.</summary>
public enum MqttProtocolError
{
    /// <summary>The remaining-length varint is longer than 4 bytes.</summary>
    MalformedRemainingLength,

    /// <summary>The packet is larger than the configured maximum packet size.</summary>
    PacketTooLarge,

    /// <summary>Packet type 0 or 15 (reserved).</summary>
    InvalidPacketType,

    /// <summary>Fixed-header flags that the packet type forbids.</summary>
    InvalidFlags,

    /// <summary>Truncated, over-long or otherwise malformed body.</summary>
    MalformedPacket,

    /// <summary>A string is not well-formed UTF-8 or contains U+0000.</summary>
    InvalidUtf8,

    /// <summary>A PUBLISH or will topic is empty or contains a wildcard.</summary>
    InvalidTopicName,

    /// <summary>A QoS value of 3.</summary>
    InvalidQos,

    /// <summary>CONNECT with an unknown protocol name.</summary>
    InvalidProtocolName,

    /// <summary>CONNECT with a protocol level this implementation does not speak (e.g. 5).</summary>
    UnsupportedProtocolLevel,
}

/// <summary>A protocol violation found while decoding. The connection must be closed.</summary>
public sealed class MqttProtocolException : Exception
{
    public MqttProtocolException(MqttProtocolError error, string message)
        : base(message)
    {
        Error = error;
    }

    public MqttProtocolException()
        : this(MqttProtocolError.MalformedPacket, "malformed MQTT packet")
    {
    }

    public MqttProtocolException(string message)
        : this(MqttProtocolError.MalformedPacket, message)
    {
    }

    public MqttProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = MqttProtocolError.MalformedPacket;
    }

    public MqttProtocolError Error { get; }
}
