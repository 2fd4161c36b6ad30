using System.Text;
using System.Text.Json;
using Actors.Messages.Wire;

namespace Actors.Messages.Tests.Wire;

public sealed class EnvelopeCodecTests
{
    private static MessageEnvelope Sample(MessageContent content) => new(
        new MessageHeader("id-1", Timestamp: 1722931200123),
        new MessageRoute("edgecontroller", "resource", "insert", "default/pod/p"),
        content);

    [Fact]
    public void Encode_EmptyOptionalMembers_Omitted()
    {
        var json = Encoding.UTF8.GetString(EnvelopeCodec.Encode(Sample(MessageContent.FromString("OK"))));

        Assert.Equal(
            """{"header":{"msg_id":"id-1","timestamp":1722931200123},"route":{"source":"edgecontroller","group":"resource","operation":"insert","resource":"default/pod/p"},"content":"OK"}""",
            json);
    }

    [Fact]
    public void Encode_AllMembersSet_WrittenWithKubeEdgeNames()
    {
        var message = new MessageEnvelope(
            new MessageHeader("a", "b", 5, "42", true, "channel"),
            new MessageRoute("s", "g", "o", "r", "d"),
            MessageContent.Null);

        var json = Encoding.UTF8.GetString(EnvelopeCodec.Encode(message));

        Assert.Equal(
            """{"header":{"msg_id":"a","parent_msg_id":"b","timestamp":5,"resourceversion":"42","sync":true,"type":"channel"},"route":{"source":"s","destination":"d","group":"g","operation":"o","resource":"r"},"content":null}""",
            json);
        Assert.Equal(message, EnvelopeCodec.Decode(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void FromBytes_GoByteSlice_EncodedAsBase64String()
    {
        var content = MessageContent.FromBytes([0, 1, 2, 250, 255]);

        var decoded = EnvelopeCodec.Decode(EnvelopeCodec.Encode(Sample(content)));

        Assert.Equal(ContentKind.String, decoded.Content.Kind);
        Assert.Equal("AAEC+v8=", decoded.Content.AsString());
        Assert.True(decoded.Content.TryGetBytes(out var bytes));
        Assert.Equal(new byte[] { 0, 1, 2, 250, 255 }, bytes);
    }

    [Fact]
    public void StringContent_HoldingJson_StaysString()
    {
        var inner = """{"event_id":"e","device":{"state":"online"}}""";

        var decoded = EnvelopeCodec.Decode(EnvelopeCodec.Encode(Sample(MessageContent.FromString(inner))));

        Assert.Equal(ContentKind.String, decoded.Content.Kind);
        Assert.Equal(inner, decoded.Content.AsString());
        Assert.Equal(inner, Encoding.UTF8.GetString(decoded.Content.GetContentData()));
    }

    [Fact]
    public void ObjectContent_Decoded_KeptAsSameJsonText()
    {
        var json = """{"header":{"msg_id":"x","timestamp":1},"route":{},"content":{ "b" : [1, 2.50, "\u00e9"], "a": {"c": null} }}""";

        var message = EnvelopeCodec.Decode(Encoding.UTF8.GetBytes(json));

        Assert.Equal(ContentKind.Object, message.Content.Kind);
        Assert.Equal("""{ "b" : [1, 2.50, "\u00e9"], "a": {"c": null} }""", message.Content.ToString());
        Assert.Equal(MessageContent.FromJson("""{"b":[1,2.50,"é"],"a":{"c":null}}"""u8), message.Content);
        Assert.NotEqual(MessageContent.FromJson("""{"b":[1,2.5,"e"],"a":{"c":null}}"""u8), message.Content);
    }

    [Fact]
    public void Decode_MissingContent_IsNull()
    {
        var message = EnvelopeCodec.Decode("""{"header":{"msg_id":"x"},"route":{"operation":"keepalive"}}"""u8);

        Assert.Same(MessageContent.Null, message.Content);
        Assert.Equal(0, message.Header.Timestamp);
    }

    [Fact]
    public void Decode_UnknownMembersAndOtherCase_IgnoredAndMatchedLikeGo()
    {
        var message = EnvelopeCodec.Decode(
            """{"extra":[1,{"y":2}],"Header":{"MSG_ID":"x","Timestamp":7,"future":{}},"ROUTE":{"Source":"s","new":1},"content":true}"""u8);

        Assert.Equal(new MessageHeader("x", Timestamp: 7), message.Header);
        Assert.Equal(new MessageRoute(Source: "s"), message.Route);
        Assert.Equal(ContentKind.Boolean, message.Content.Kind);
    }

    [Fact]
    public void Decode_NullOptionalMembers_Defaults()
    {
        var message = EnvelopeCodec.Decode(
            """{"header":{"msg_id":"x","parent_msg_id":null,"timestamp":null,"sync":null},"route":{"group":null},"content":null}"""u8);

        Assert.Equal(new MessageHeader("x"), message.Header);
        Assert.Equal(new MessageRoute(), message.Route);
    }

    [Fact]
    public void Decode_TrailingNewlineAsGorillaWrites_Accepted()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"header":{"msg_id":"x","timestamp":1},"route":{},"content":"ping"}""" + "\n");

        Assert.Equal("ping", EnvelopeCodec.Decode(bytes).Content.AsString());
    }

    [Theory]
    [InlineData("", EnvelopeErrorKind.MalformedJson)]
    [InlineData("   ", EnvelopeErrorKind.MalformedJson)]
    [InlineData("not json", EnvelopeErrorKind.MalformedJson)]
    [InlineData("""{"header":{"msg_id":"x"},"route":{}""", EnvelopeErrorKind.MalformedJson)]
    [InlineData("""{"header":{"msg_id":"x"},"route":{}} {}""", EnvelopeErrorKind.MalformedJson)]
    [InlineData("""{"header":{"msg_id":"x"},"route":{},"content":{"a":1,}}""", EnvelopeErrorKind.MalformedJson)]
    [InlineData("""[{"header":{"msg_id":"x"}}]""", EnvelopeErrorKind.WrongType)]
    [InlineData("""{"route":{}}""", EnvelopeErrorKind.MissingField)]
    [InlineData("""{"header":null,"route":{}}""", EnvelopeErrorKind.MissingField)]
    [InlineData("""{"header":{"timestamp":1},"route":{}}""", EnvelopeErrorKind.MissingField)]
    [InlineData("""{"header":{"msg_id":""},"route":{}}""", EnvelopeErrorKind.MissingField)]
    [InlineData("""{"header":{"msg_id":"x"}}""", EnvelopeErrorKind.MissingField)]
    [InlineData("""{"header":"x","route":{}}""", EnvelopeErrorKind.WrongType)]
    [InlineData("""{"header":{"msg_id":5},"route":{}}""", EnvelopeErrorKind.WrongType)]
    [InlineData("""{"header":{"msg_id":"x","timestamp":"1"},"route":{}}""", EnvelopeErrorKind.WrongType)]
    [InlineData("""{"header":{"msg_id":"x","timestamp":1.5},"route":{}}""", EnvelopeErrorKind.WrongType)]
    [InlineData("""{"header":{"msg_id":"x","timestamp":99999999999999999999},"route":{}}""", EnvelopeErrorKind.WrongType)]
    [InlineData("""{"header":{"msg_id":"x","sync":"true"},"route":{}}""", EnvelopeErrorKind.WrongType)]
    [InlineData("""{"header":{"msg_id":"x"},"route":[]}""", EnvelopeErrorKind.WrongType)]
    [InlineData("""{"header":{"msg_id":"x"},"route":{"resource":{"a":1}}}""", EnvelopeErrorKind.WrongType)]
    public void TryDecode_BadInput_ClearError(string json, EnvelopeErrorKind kind)
    {
        var ok = EnvelopeCodec.TryDecode(Encoding.UTF8.GetBytes(json), out var message, out var error);

        Assert.False(ok);
        Assert.Null(message);
        Assert.Equal(kind, error!.Kind);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void TryDecode_WrongType_MessageNamesTheMember()
    {
        EnvelopeCodec.TryDecode("""{"header":{"msg_id":"x","timestamp":"1"},"route":{}}"""u8, out _, out var error);

        Assert.StartsWith("header.timestamp: expected a 64-bit integer, got String", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_OverMaxSize_TooLargeWithoutParsing()
    {
        var options = new EnvelopeCodecOptions(MaxMessageBytes: 64);
        var big = EnvelopeCodec.Encode(Sample(MessageContent.FromString(new string('a', 100))));

        Assert.False(EnvelopeCodec.TryDecode(big, out _, out var error, options));
        Assert.Equal(EnvelopeErrorKind.TooLarge, error!.Kind);
        Assert.Contains("64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_DeeperThanMaxDepth_Malformed()
    {
        var deep = new string('[', 40) + new string(']', 40);
        var json = Encoding.UTF8.GetBytes("""{"header":{"msg_id":"x"},"route":{},"content":""" + deep + "}");

        Assert.True(EnvelopeCodec.TryDecode(json, out _, out _));
        Assert.False(EnvelopeCodec.TryDecode(json, out _, out var error, new EnvelopeCodecOptions(MaxDepth: 16)));
        Assert.Equal(EnvelopeErrorKind.MalformedJson, error!.Kind);
    }

    [Fact]
    public void TryDecode_InvalidUtf8InStrings_MalformedNotThrown()
    {
        var inHeader = Concat("{\"header\":{\"msg_id\":\"a"u8, [0xFF, 0xFE], "\"},\"route\":{}}"u8);
        var inContent = Concat("{\"header\":{\"msg_id\":\"a\"},\"route\":{},\"content\":\"x"u8, [0xC3, 0x28], "\"}"u8);

        Assert.False(EnvelopeCodec.TryDecode(inHeader, out _, out var e1));
        Assert.Equal(EnvelopeErrorKind.MalformedJson, e1!.Kind);
        Assert.False(EnvelopeCodec.TryDecode(inContent, out _, out var e2));
        Assert.Equal(EnvelopeErrorKind.MalformedJson, e2!.Kind);
    }

    private static byte[] Concat(ReadOnlySpan<byte> a, byte[] b, ReadOnlySpan<byte> c) => [.. a, .. b, .. c];

    [Fact]
    public void Options_OutOfRange_ValidateNamesThem()
    {
        Assert.Empty(EnvelopeCodecOptions.Default.Validate());
        Assert.Equal(2, new EnvelopeCodecOptions(MaxMessageBytes: 0, MaxDepth: 1000).Validate().Count);
    }

    [Fact]
    public void Content_DeeperThanDocumentDefault_EqualityStillWorks()
    {
        var deep = new string('[', 100) + "1" + new string(']', 100);
        var a = MessageContent.FromJson(Encoding.UTF8.GetBytes(deep));
        var b = MessageContent.FromJson(Encoding.UTF8.GetBytes(deep.Replace("1", "1.0", StringComparison.Ordinal)));

        Assert.Equal(a, b);
        Assert.Equal(JsonValueKind.Array, a.ToElement().ValueKind);
    }

    [Fact]
    public void Decode_BadInput_ThrowsFormatExceptionWithReason()
    {
        var e = Assert.Throws<FormatException>(() => EnvelopeCodec.Decode("""{"route":{}}"""u8));

        Assert.Contains("header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResponseTo_Request_CopiesRouteAndSetsParent()
    {
        var request = Sample(MessageContent.Null) with { Header = new MessageHeader("req", Timestamp: 1, Sync: true, Type: "t") };

        var response = MessageEnvelope.ResponseTo(request, new MessageHeader("resp", Timestamp: 2), MessageContent.FromString("OK"));

        Assert.Equal(new MessageHeader("resp", "req", 2, Type: "t"), response.Header);
        Assert.Equal(new MessageRoute("edgecontroller", "resource", "response", "default/pod/p"), response.Route);
        Assert.True(response.Header.IsResponse);
    }

    [Fact]
    public void ErrorTo_Request_ErrorOperationWithTextContent()
    {
        var error = MessageEnvelope.ErrorTo(Sample(MessageContent.Null), new MessageHeader("e", Timestamp: 3), "not found");

        Assert.Equal(new MessageRoute(Operation: "error", Resource: "default/pod/p"), error.Route);
        Assert.Equal("id-1", error.Header.ParentMsgId);
        Assert.Equal("not found", error.Content.AsString());
    }

    [Fact]
    public void FromJson_NotOneValue_FormatException()
    {
        Assert.Throws<FormatException>(() => MessageContent.FromJson("{\"a\":"u8));
        Assert.Throws<FormatException>(() => MessageContent.FromJson("1 2"u8));
        Assert.Throws<FormatException>(() => MessageContent.FromJson(""u8));
        Assert.Throws<FormatException>(() => MessageContent.FromJson([(byte)'"', 0xFF, (byte)'"']));
    }

    [Fact]
    public void NewHeader_TimeProvider_MillisecondsAndUuid()
    {
        var time = new FixedTime(DateTimeOffset.FromUnixTimeMilliseconds(1722931200123));

        var header = MessageHeader.New(time);

        Assert.Equal(1722931200123, header.Timestamp);
        Assert.True(Guid.TryParse(header.MsgId, out var id));
        Assert.Equal(4, id.Version);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
