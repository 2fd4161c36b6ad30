namespace Actors.Edge.Modules.EventBus.Mqtt.Codec;

// Message-family file: the MQTT 3.1.1 control packets (OASIS MQTT Version 3.1.1, section 3).

/// <summary>Control packet types (fixed header, bits 7-4 of byte 1).</summary>
public enum MqttPacketType : byte
{
    Connect = 1,
    ConnAck = 2,
    Publish = 3,
    PubAck = 4,
    PubRec = 5,
    PubRel = 6,
    PubComp = 7,
    Subscribe = 8,
    SubAck = 9,
    Unsubscribe = 10,
    UnsubAck = 11,
    PingReq = 12,
    PingResp = 13,
    Disconnect = 14,
}

/// <summary>Quality of service levels.</summary>
public enum MqttQos : byte
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
}

/// <summary>CONNACK return codes (3.2.2.3).</summary>
public enum ConnectReturnCode : byte
{
    Accepted = 0,
    UnacceptableProtocolVersion = 1,
    IdentifierRejected = 2,
    ServerUnavailable = 3,
    BadUsernameOrPassword = 4,
    NotAuthorized = 5,
}

/// <summary>Base of every control packet.</summary>
public abstract record MqttPacket
{
    public abstract MqttPacketType Type { get; }
}

/// <summary>A will message carried by CONNECT.</summary>
public sealed record MqttWill(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos, bool Retain);

/// <summary>CONNECT. <paramref name="ProtocolLevel"/> is 4 for MQTT 3.1.1 and 3 for MQTT 3.1 ("MQIsdp").</summary>
public sealed record ConnectPacket(
    string ClientId,
    bool CleanSession,
    ushort KeepAliveSeconds,
    string? Username = null,
    ReadOnlyMemory<byte>? Password = null,
    MqttWill? Will = null,
    byte ProtocolLevel = 4) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Connect;
}

public sealed record ConnAckPacket(bool SessionPresent, ConnectReturnCode ReturnCode) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.ConnAck;
}

/// <summary>PUBLISH. <paramref name="PacketId"/> is 0 for QoS 0 and non-zero otherwise.</summary>
public sealed record PublishPacket(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQos Qos = MqttQos.AtMostOnce,
    bool Retain = false,
    bool Dup = false,
    ushort PacketId = 0) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Publish;
}

public sealed record PubAckPacket(ushort PacketId) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.PubAck;
}

public sealed record PubRecPacket(ushort PacketId) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.PubRec;
}

public sealed record PubRelPacket(ushort PacketId) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.PubRel;
}

public sealed record PubCompPacket(ushort PacketId) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.PubComp;
}

/// <summary>One topic filter with its requested maximum QoS.</summary>
public sealed record TopicSubscription(string Filter, MqttQos Qos);

public sealed record SubscribePacket(ushort PacketId, IReadOnlyList<TopicSubscription> Subscriptions) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Subscribe;
}

/// <summary>SUBACK; each return code is a granted QoS (0, 1, 2) or <see cref="Failure"/>.</summary>
public sealed record SubAckPacket(ushort PacketId, IReadOnlyList<byte> ReturnCodes) : MqttPacket
{
    public const byte Failure = 0x80;

    public override MqttPacketType Type => MqttPacketType.SubAck;
}

public sealed record UnsubscribePacket(ushort PacketId, IReadOnlyList<string> Filters) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Unsubscribe;
}

public sealed record UnsubAckPacket(ushort PacketId) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.UnsubAck;
}

public sealed record PingReqPacket : MqttPacket
{
    public static readonly PingReqPacket Instance = new();

    public override MqttPacketType Type => MqttPacketType.PingReq;
}

public sealed record PingRespPacket : MqttPacket
{
    public static readonly PingRespPacket Instance = new();

    public override MqttPacketType Type => MqttPacketType.PingResp;
}

public sealed record DisconnectPacket : MqttPacket
{
    public static readonly DisconnectPacket Instance = new();

    public override MqttPacketType Type => MqttPacketType.Disconnect;
}
