using System.Text;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Tests.Mqtt.Codec;

/// <summary>Literal byte vectors for every packet type, decoded and re-encoded.</summary>
public sealed class MqttCodecVectorTests
{
    private static readonly byte[] ConnectFull =
    [
        0x10, 0x24, // CONNECT, remaining 36
        0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04,
        0xEE, // user, password, will retain, will QoS 1, will, clean session
        0x00, 0x3C, // keepalive 60
        0x00, 0x03, (byte)'c', (byte)'i', (byte)'d',
        0x00, 0x03, (byte)'w', (byte)'/', (byte)'t',
        0x00, 0x02, (byte)'b', (byte)'y',
        0x00, 0x04, (byte)'u', (byte)'s', (byte)'e', (byte)'r',
        0x00, 0x04, (byte)'p', (byte)'a', (byte)'s', (byte)'s',
    ];

    [Fact]
    public void Connect_AllFields_RoundTrips()
    {
        var packet = Assert.IsType<ConnectPacket>(MqttDecoder.Decode(ConnectFull));
        Assert.Equal("cid", packet.ClientId);
        Assert.True(packet.CleanSession);
        Assert.Equal(60, packet.KeepAliveSeconds);
        Assert.Equal("user", packet.Username);
        Assert.Equal("pass", Encoding.UTF8.GetString(packet.Password!.Value.Span));
        Assert.Equal("w/t", packet.Will!.Topic);
        Assert.Equal("by", Encoding.UTF8.GetString(packet.Will.Payload.Span));
        Assert.Equal(MqttQos.AtLeastOnce, packet.Will.Qos);
        Assert.True(packet.Will.Retain);
        Assert.Equal(ConnectFull, MqttEncoder.ToArray(packet));
    }

    [Fact]
    public void Connect_Minimal_RoundTrips()
    {
        byte[] bytes = [0x10, 0x0D, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x00, 0x00, 0x00, 0x00, 0x01, 0x61];
        var packet = Assert.IsType<ConnectPacket>(MqttDecoder.Decode(bytes));
        Assert.Equal(new ConnectPacket("a", false, 0), packet);
        Assert.Equal(bytes, MqttEncoder.ToArray(packet));
    }

    [Fact]
    public void Connect_Mqtt31Level3_Decodes()
    {
        byte[] bytes = [0x10, 0x0F, 0x00, 0x06, 0x4D, 0x51, 0x49, 0x73, 0x64, 0x70, 0x03, 0x02, 0x00, 0x0A, 0x00, 0x01, 0x78];
        var packet = Assert.IsType<ConnectPacket>(MqttDecoder.Decode(bytes));
        Assert.Equal(3, packet.ProtocolLevel);
        Assert.Equal(bytes, MqttEncoder.ToArray(packet));
    }

    [Theory]
    [InlineData(new byte[] { 0x20, 0x02, 0x00, 0x00 }, false, ConnectReturnCode.Accepted)]
    [InlineData(new byte[] { 0x20, 0x02, 0x01, 0x00 }, true, ConnectReturnCode.Accepted)]
    [InlineData(new byte[] { 0x20, 0x02, 0x00, 0x05 }, false, ConnectReturnCode.NotAuthorized)]
    public void ConnAck_Vector_RoundTrips(byte[] bytes, bool present, ConnectReturnCode code)
    {
        var packet = MqttDecoder.Decode(bytes);
        Assert.Equal(new ConnAckPacket(present, code), packet);
        Assert.Equal(bytes, MqttEncoder.ToArray(packet));
    }

    [Fact]
    public void Publish_Qos0_RoundTrips()
    {
        byte[] bytes = [0x30, 0x06, 0x00, 0x01, 0x74, 0x68, 0x69, 0x21];
        var packet = Assert.IsType<PublishPacket>(MqttDecoder.Decode(bytes));
        Assert.Equal("t", packet.Topic);
        Assert.Equal("hi!", Encoding.UTF8.GetString(packet.Payload.Span));
        Assert.Equal(MqttQos.AtMostOnce, packet.Qos);
        Assert.Equal(bytes, MqttEncoder.ToArray(packet));
    }

    [Fact]
    public void Publish_Qos2DupRetain_RoundTrips()
    {
        byte[] bytes = [0x3D, 0x07, 0x00, 0x03, 0x61, 0x2F, 0x62, 0x12, 0x34];
        var packet = Assert.IsType<PublishPacket>(MqttDecoder.Decode(bytes));
        Assert.Equal(("a/b", MqttQos.ExactlyOnce, true, true, (ushort)0x1234, 0), (packet.Topic, packet.Qos, packet.Retain, packet.Dup, packet.PacketId, packet.Payload.Length));
        Assert.Equal(bytes, MqttEncoder.ToArray(packet));
    }

    [Fact]
    public void Publish_Qos1_RoundTrips()
    {
        byte[] bytes = [0x32, 0x06, 0x00, 0x01, 0x78, 0x00, 0x07, 0xFF];
        var packet = Assert.IsType<PublishPacket>(MqttDecoder.Decode(bytes));
        Assert.Equal(MqttQos.AtLeastOnce, packet.Qos);
        Assert.Equal(7, packet.PacketId);
        Assert.Equal(new byte[] { 0xFF }, packet.Payload.ToArray());
        Assert.Equal(bytes, MqttEncoder.ToArray(packet));
    }

    [Theory]
    [InlineData(new byte[] { 0x40, 0x02, 0x00, 0x01 }, typeof(PubAckPacket))]
    [InlineData(new byte[] { 0x50, 0x02, 0x01, 0x00 }, typeof(PubRecPacket))]
    [InlineData(new byte[] { 0x62, 0x02, 0xFF, 0xFF }, typeof(PubRelPacket))]
    [InlineData(new byte[] { 0x70, 0x02, 0x00, 0x2A }, typeof(PubCompPacket))]
    [InlineData(new byte[] { 0xB0, 0x02, 0x00, 0x09 }, typeof(UnsubAckPacket))]
    [InlineData(new byte[] { 0xC0, 0x00 }, typeof(PingReqPacket))]
    [InlineData(new byte[] { 0xD0, 0x00 }, typeof(PingRespPacket))]
    [InlineData(new byte[] { 0xE0, 0x00 }, typeof(DisconnectPacket))]
    public void SmallPacket_Vector_RoundTrips(byte[] bytes, Type type)
    {
        var packet = MqttDecoder.Decode(bytes);
        Assert.IsType(type, packet);
        Assert.Equal(bytes, MqttEncoder.ToArray(packet));
    }

    [Fact]
    public void Subscribe_TwoFilters_RoundTrips()
    {
        byte[] bytes = [0x82, 0x0C, 0x00, 0x0A, 0x00, 0x03, 0x61, 0x2F, 0x2B, 0x01, 0x00, 0x01, 0x23, 0x02];
        var packet = Assert.IsType<SubscribePacket>(MqttDecoder.Decode(bytes));
        Assert.Equal(10, packet.PacketId);
        Assert.Equal([new TopicSubscription("a/+", MqttQos.AtLeastOnce), new TopicSubscription("#", MqttQos.ExactlyOnce)], packet.Subscriptions);
        Assert.Equal(bytes, MqttEncoder.ToArray(packet));
    }

    [Fact]
    public void SubAck_WithFailure_RoundTrips()
    {
        byte[] bytes = [0x90, 0x05, 0x00, 0x0A, 0x00, 0x02, 0x80];
        var packet = Assert.IsType<SubAckPacket>(MqttDecoder.Decode(bytes));
        Assert.Equal(new byte[] { 0, 2, 0x80 }, packet.ReturnCodes);
        Assert.Equal(bytes, MqttEncoder.ToArray(packet));
    }

    [Fact]
    public void Unsubscribe_TwoFilters_RoundTrips()
    {
        byte[] bytes = [0xA2, 0x09, 0x00, 0x05, 0x00, 0x01, 0x61, 0x00, 0x02, 0x62, 0x2F];
        var packet = Assert.IsType<UnsubscribePacket>(MqttDecoder.Decode(bytes));
        Assert.Equal(["a", "b/"], packet.Filters);
        Assert.Equal(bytes, MqttEncoder.ToArray(packet));
    }

    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
    [InlineData(16_384, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(2_097_152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
    public void RemainingLength_SpecExamples_Encoded(int payloadPlusHeader, byte[] expectedVarint)
    {
        // PUBLISH QoS 0 to topic "t": remaining = 3 + payload length.
        var payload = new byte[payloadPlusHeader < 3 ? 0 : payloadPlusHeader - 3];
        if (payloadPlusHeader < 3)
        {
            var ping = MqttEncoder.ToArray(PingReqPacket.Instance);
            Assert.Equal(expectedVarint, ping[1..2]);
            return;
        }

        var bytes = MqttEncoder.ToArray(new PublishPacket("t", payload));
        Assert.Equal(expectedVarint, bytes[1..(1 + expectedVarint.Length)]);
        var decoded = Assert.IsType<PublishPacket>(MqttDecoder.Decode(bytes));
        Assert.Equal(payload.Length, decoded.Payload.Length);
    }
}
