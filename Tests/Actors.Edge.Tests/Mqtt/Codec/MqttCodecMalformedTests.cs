using System.Buffers;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Tests.Mqtt.Codec;

/// <summary>Every malformed case gets a typed <see cref="MqttProtocolException"/>.</summary>
public sealed class MqttCodecMalformedTests
{
    public static TheoryData<string, byte[], MqttProtocolError> Cases => new()
    {
        { "reserved type 0", [0x00, 0x00], MqttProtocolError.InvalidPacketType },
        { "reserved type 15", [0xF0, 0x00], MqttProtocolError.InvalidPacketType },
        { "5-byte varint", [0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], MqttProtocolError.MalformedRemainingLength },
        { "PUBLISH QoS 3", [0x36, 0x03, 0x00, 0x01, 0x74], MqttProtocolError.InvalidQos },
        { "PUBLISH QoS 0 DUP", [0x38, 0x03, 0x00, 0x01, 0x74], MqttProtocolError.InvalidFlags },
        { "PUBLISH '+' topic", [0x30, 0x05, 0x00, 0x03, 0x61, 0x2F, 0x2B], MqttProtocolError.InvalidTopicName },
        { "PUBLISH '#' topic", [0x30, 0x03, 0x00, 0x01, 0x23], MqttProtocolError.InvalidTopicName },
        { "PUBLISH empty topic", [0x30, 0x02, 0x00, 0x00], MqttProtocolError.InvalidTopicName },
        { "PUBLISH invalid UTF-8", [0x30, 0x04, 0x00, 0x02, 0xC3, 0x28], MqttProtocolError.InvalidUtf8 },
        { "PUBLISH overlong UTF-8", [0x30, 0x04, 0x00, 0x02, 0xC0, 0xAF], MqttProtocolError.InvalidUtf8 },
        { "PUBLISH surrogate UTF-8", [0x30, 0x05, 0x00, 0x03, 0xED, 0xA0, 0x80], MqttProtocolError.InvalidUtf8 },
        { "PUBLISH U+0000", [0x30, 0x04, 0x00, 0x02, 0x61, 0x00], MqttProtocolError.InvalidUtf8 },
        { "PUBLISH QoS1 id 0", [0x32, 0x05, 0x00, 0x01, 0x74, 0x00, 0x00], MqttProtocolError.MalformedPacket },
        { "PUBLISH topic truncated", [0x30, 0x03, 0x00, 0x05, 0x61], MqttProtocolError.MalformedPacket },
        { "PUBACK flags", [0x41, 0x02, 0x00, 0x01], MqttProtocolError.InvalidFlags },
        { "PUBACK too long", [0x40, 0x03, 0x00, 0x01, 0x00], MqttProtocolError.MalformedPacket },
        { "PUBACK too short", [0x40, 0x01, 0x00], MqttProtocolError.MalformedPacket },
        { "PUBREL flags 0", [0x60, 0x02, 0x00, 0x01], MqttProtocolError.InvalidFlags },
        { "PUBREC id 0", [0x50, 0x02, 0x00, 0x00], MqttProtocolError.MalformedPacket },
        { "PUBCOMP flags", [0x72, 0x02, 0x00, 0x01], MqttProtocolError.InvalidFlags },
        { "SUBSCRIBE flags 0", [0x80, 0x06, 0x00, 0x01, 0x00, 0x01, 0x61, 0x00], MqttProtocolError.InvalidFlags },
        { "SUBSCRIBE no filters", [0x82, 0x02, 0x00, 0x01], MqttProtocolError.MalformedPacket },
        { "SUBSCRIBE QoS 3", [0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 0x61, 0x03], MqttProtocolError.InvalidQos },
        { "SUBSCRIBE reserved bits", [0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 0x61, 0x40], MqttProtocolError.InvalidQos },
        { "SUBSCRIBE missing QoS", [0x82, 0x05, 0x00, 0x01, 0x00, 0x01, 0x61], MqttProtocolError.MalformedPacket },
        { "SUBSCRIBE bad UTF-8", [0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 0xFF, 0x00], MqttProtocolError.InvalidUtf8 },
        { "SUBACK reserved code", [0x90, 0x03, 0x00, 0x01, 0x03], MqttProtocolError.MalformedPacket },
        { "SUBACK no codes", [0x90, 0x02, 0x00, 0x01], MqttProtocolError.MalformedPacket },
        { "UNSUBSCRIBE flags 0", [0xA0, 0x05, 0x00, 0x01, 0x00, 0x01, 0x61], MqttProtocolError.InvalidFlags },
        { "UNSUBSCRIBE no filters", [0xA2, 0x02, 0x00, 0x01], MqttProtocolError.MalformedPacket },
        { "UNSUBACK too long", [0xB0, 0x03, 0x00, 0x01, 0x00], MqttProtocolError.MalformedPacket },
        { "PINGREQ with body", [0xC0, 0x01, 0x00], MqttProtocolError.MalformedPacket },
        { "PINGRESP flags", [0xD1, 0x00], MqttProtocolError.InvalidFlags },
        { "DISCONNECT flags", [0xE2, 0x00], MqttProtocolError.InvalidFlags },
        { "CONNACK reserved flags", [0x20, 0x02, 0x02, 0x00], MqttProtocolError.MalformedPacket },
        { "CONNACK reserved code", [0x20, 0x02, 0x00, 0x06], MqttProtocolError.MalformedPacket },
        { "CONNACK too short", [0x20, 0x01, 0x00], MqttProtocolError.MalformedPacket },
        { "CONNECT flags", [0x11, 0x0D, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x00, 0x00, 0x00, 0x00, 0x01, 0x61], MqttProtocolError.InvalidFlags },
        { "CONNECT protocol name", [0x10, 0x0D, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x58, 0x04, 0x00, 0x00, 0x00, 0x00, 0x01, 0x61], MqttProtocolError.InvalidProtocolName },
        { "CONNECT level 5", [0x10, 0x0D, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x05, 0x00, 0x00, 0x00, 0x00, 0x01, 0x61], MqttProtocolError.UnsupportedProtocolLevel },
        { "CONNECT reserved flag", [0x10, 0x0D, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x01, 0x00, 0x00, 0x00, 0x01, 0x61], MqttProtocolError.MalformedPacket },
        { "CONNECT will QoS 3", [0x10, 0x0D, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x1C, 0x00, 0x00, 0x00, 0x01, 0x61], MqttProtocolError.InvalidQos },
        { "CONNECT will QoS w/o flag", [0x10, 0x0D, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x08, 0x00, 0x00, 0x00, 0x01, 0x61], MqttProtocolError.MalformedPacket },
        { "CONNECT password w/o user", [0x10, 0x0D, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x40, 0x00, 0x00, 0x00, 0x01, 0x61], MqttProtocolError.MalformedPacket },
        { "CONNECT user missing", [0x10, 0x0D, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x80, 0x00, 0x00, 0x00, 0x01, 0x61], MqttProtocolError.MalformedPacket },
        { "CONNECT client id UTF-8", [0x10, 0x0D, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x00, 0x00, 0x00, 0x00, 0x01, 0x80], MqttProtocolError.InvalidUtf8 },
        { "CONNECT will wildcard", [0x10, 0x12, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x04, 0x00, 0x00, 0x00, 0x01, 0x61, 0x00, 0x01, 0x23, 0x00, 0x00], MqttProtocolError.InvalidTopicName },
        { "CONNECT trailing bytes", [0x10, 0x0E, 0x00, 0x04, 0x4D, 0x51, 0x54, 0x54, 0x04, 0x00, 0x00, 0x00, 0x00, 0x01, 0x61, 0x00], MqttProtocolError.MalformedPacket },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_MalformedBytes_ThrowsTypedError(string name, byte[] bytes, MqttProtocolError expected)
    {
        var ex = Assert.Throws<MqttProtocolException>(() => MqttDecoder.Decode(bytes));
        Assert.True(expected == ex.Error, name + ": got " + ex.Error + " (" + ex.Message + ")");
    }

    [Fact]
    public void TryDecode_OversizedHeader_ThrowsBeforeBodyArrives()
    {
        // Only the fixed header of a 1,000,000-byte PUBLISH is present.
        var sequence = new ReadOnlySequence<byte>(new byte[] { 0x30, 0xC0, 0x84, 0x3D });
        var ex = Assert.Throws<MqttProtocolException>(() => MqttDecoder.TryDecode(ref sequence, 1024, out _));
        Assert.Equal(MqttProtocolError.PacketTooLarge, ex.Error);
    }

    [Fact]
    public void TryDecode_PartialPacket_ReturnsFalseAndKeepsBuffer()
    {
        byte[] bytes = [0x30, 0x06, 0x00, 0x01, 0x74, 0x68];
        var sequence = new ReadOnlySequence<byte>(bytes);
        Assert.False(MqttDecoder.TryDecode(ref sequence, 1024, out var packet));
        Assert.Null(packet);
        Assert.Equal(bytes.Length, sequence.Length);
        var partialHeader = new ReadOnlySequence<byte>(new byte[] { 0x30, 0x80 });
        Assert.False(MqttDecoder.TryDecode(ref partialHeader, 1024, out _));
    }

    [Fact]
    public void TryDecode_TwoPacketsAcrossSegments_DecodesBoth()
    {
        var first = new Segment(new byte[] { 0x30, 0x06, 0x00 });
        var last = first.Append(new byte[] { 0x01, 0x74, 0x68, 0x69, 0x21, 0xC0, 0x00 });
        var sequence = new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
        Assert.True(MqttDecoder.TryDecode(ref sequence, 1024, out var a));
        Assert.True(MqttDecoder.TryDecode(ref sequence, 1024, out var b));
        Assert.Equal("t", Assert.IsType<PublishPacket>(a).Topic);
        Assert.IsType<PingReqPacket>(b);
        Assert.Equal(0, sequence.Length);
    }

    [Fact]
    public void Encode_StringTooLong_Throws()
    {
        var topic = new string('a', 70_000);
        Assert.Throws<ArgumentException>(() => MqttEncoder.ToArray(new PublishPacket(topic, Array.Empty<byte>())));
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
