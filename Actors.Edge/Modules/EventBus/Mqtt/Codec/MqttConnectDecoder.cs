namespace Actors.Edge.Modules.EventBus.Mqtt.Codec;

/// <summary>CONNECT body decoding (3.1.2, 3.1.3).</summary>
internal static class MqttConnectDecoder
{
    public static ConnectPacket Decode(ref MqttSpanReader reader)
    {
        var name = reader.ReadString("protocol name");
        var level = reader.ReadByte();
        if (name == "MQIsdp")
        {
            if (level != 3)
            {
                throw new MqttProtocolException(MqttProtocolError.UnsupportedProtocolLevel, "MQIsdp with protocol level " + level);
            }
        }
        else if (name == "MQTT")
        {
            if (level != 4)
            {
                throw new MqttProtocolException(MqttProtocolError.UnsupportedProtocolLevel, "MQTT protocol level " + level + " is not supported (only 4, MQTT 3.1.1)");
            }
        }
        else
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidProtocolName, "unknown protocol name '" + name + "'");
        }

        var flags = reader.ReadByte();
        ValidateFlags(flags);
        var keepAlive = reader.ReadUInt16();
        var clientId = reader.ReadString("client identifier");
        MqttWill? will = null;
        if ((flags & 0x04) != 0)
        {
            var topic = reader.ReadString("will topic");
            if (!MqttTopic.IsValidTopicName(topic))
            {
                throw new MqttProtocolException(MqttProtocolError.InvalidTopicName, "invalid will topic '" + topic + "'");
            }

            var message = reader.ReadBinarySpan("will message").ToArray();
            will = new MqttWill(topic, message, (MqttQos)((flags >> 3) & 3), (flags & 0x20) != 0);
        }

        var username = (flags & 0x80) != 0 ? reader.ReadString("user name") : null;
        ReadOnlyMemory<byte>? password = null;
        if ((flags & 0x40) != 0)
        {
            password = reader.ReadBinarySpan("password").ToArray();
        }

        reader.ExpectEnd("CONNECT");
        return new ConnectPacket(clientId, (flags & 0x02) != 0, keepAlive, username, password, will, level);
    }

    private static void ValidateFlags(byte flags)
    {
        if ((flags & 0x01) != 0)
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, "CONNECT reserved flag set");
        }

        var willFlag = (flags & 0x04) != 0;
        var willQos = (flags >> 3) & 3;
        if (willQos == 3)
        {
            throw new MqttProtocolException(MqttProtocolError.InvalidQos, "CONNECT will QoS 3");
        }

        if (!willFlag && (willQos != 0 || (flags & 0x20) != 0))
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, "CONNECT will QoS/retain set without the will flag");
        }

        if ((flags & 0x40) != 0 && (flags & 0x80) == 0)
        {
            throw new MqttProtocolException(MqttProtocolError.MalformedPacket, "CONNECT password flag set without the user name flag");
        }
    }
}
