using System.Text;
using System.Text.Json.Nodes;
using Actors.Messages.Routing;
using Actors.Messages.ServiceBus;
using Actors.Messages.Wire;

namespace Actors.Messages.Tests.Translators;

public sealed class ServiceBusTranslatorTests
{
    [Fact]
    public void Response_OnTheWire_KubeEdgeHttpResponseShape()
    {
        var response = new ServiceBusHttpResponse(new Dictionary<string, IReadOnlyList<string>> { ["Content-Type"] = ["text/plain"] }, 200, Encoding.UTF8.GetBytes("ok"));

        var json = JsonNode.Parse(EnvelopeCodec.Encode(ServiceBusTranslator.Response("req-1", response, new MessageHeader("m-1", Timestamp: 5))))!;

        Assert.Equal("req-1", (string?)json["header"]!["parent_msg_id"]);
        Assert.Equal("servicebus", (string?)json["route"]!["source"]);
        Assert.Equal("user", (string?)json["route"]!["group"]);
        Assert.Equal("upload", (string?)json["route"]!["operation"]);
        Assert.Equal(200, (int)json["content"]!["status_code"]!);
        Assert.Equal("b2s=", (string?)json["content"]!["body"]);
        Assert.Equal("text/plain", (string?)json["content"]!["header"]!["Content-Type"]![0]);
    }

    [Fact]
    public void TryParse_RouterRequestFromTheWire_CallWithPortPathMethodAndBody()
    {
        const string wire = """
            {"header":{"msg_id":"r-9","timestamp":1},"route":{"source":"router_servicebus","group":"user","operation":"put","resource":"8080:api/v1/items"},
             "content":{"header":{"X-A":["1"]},"body":"aGVsbG8=","method":"PUT","url":"/edge-1/default/svc/items"}}
            """;

        var call = Assert.IsType<CallEdgeService>(ServiceBusTranslator.TryParse(EnvelopeCodec.Decode(Encoding.UTF8.GetBytes(wire)), out var error));

        Assert.Null(error);
        Assert.Equal(("r-9", 8080, "/api/v1/items", "PUT"), (call.RequestId, call.Port, call.Path, call.Method));
        Assert.Equal("hello", Encoding.UTF8.GetString(call.Request.Body!.Value.Span));
        Assert.Equal(["1"], call.Request.Header!["X-A"]);
    }

    [Theory]
    [InlineData("bus", "POST", "80:/x", "source 'bus'")]
    [InlineData(ModuleNames.RouterServiceBus, "POST", ":/x", "is incorrect")]
    [InlineData(ModuleNames.RouterServiceBus, "start", "", "start without a target URL")]
    public void TryParse_NotACall_ReasonGiven(string source, string operation, string resource, string reason)
    {
        var envelope = new MessageEnvelope(new MessageHeader("x"), new MessageRoute(source, Groups.User, operation, resource), MessageContent.Null);

        Assert.Null(ServiceBusTranslator.TryParse(envelope, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ContentNotAnHttpRequest_ReasonNamesParseError()
    {
        var envelope = new MessageEnvelope(new MessageHeader("x"), new MessageRoute(ModuleNames.RouterServiceBus, Groups.User, "POST", "80:/x"),
            MessageContent.FromJson("""{"header":"not-a-map"}"""u8));

        Assert.Null(ServiceBusTranslator.TryParse(envelope, out var error));
        Assert.StartsWith("error to parse http request", error, StringComparison.Ordinal);
    }
}
