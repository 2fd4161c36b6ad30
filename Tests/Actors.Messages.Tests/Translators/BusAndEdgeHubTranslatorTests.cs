using Actors.Messages.Bus;
using Actors.Messages.EdgeHub;
using Actors.Messages.Routing;
using Actors.Messages.Tests.Support;
using Actors.Messages.Wire;

namespace Actors.Messages.Tests.Translators;

public sealed class BusAndEdgeHubTranslatorTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1722931200000);

    [Fact]
    public void CloudConnected_ToEnvelope_KubeEdgeConnectBroadcast()
    {
        var envelope = BusTranslator.ToEnvelope(new CloudConnected(At), Groups.Meta, Examples.Header());

        Assert.Equal(new MessageRoute("edgehub", "meta", "connect", "node/connection"), envelope.Route);
        Assert.Equal("cloud_connected", envelope.Content.AsString());
        Assert.Equal(new CloudConnected(At), BusTranslator.TryParseConnection(envelope));
    }

    [Fact]
    public void CloudDisconnected_RoundTrip_DisconnectContent()
    {
        var envelope = BusTranslator.ToEnvelope(new CloudDisconnected(At, "read error"), Groups.Twin, Examples.Header());

        Assert.Equal("cloud_disconnected", envelope.Content.AsString());
        Assert.IsType<CloudDisconnected>(BusTranslator.TryParseConnection(envelope));
        Assert.Equal(new[] { "twin", "meta", "bus", "taskmanager" }, BusTranslator.ConnectionGroups.ToArray());
    }

    [Fact]
    public void TryParseConnection_OtherMessage_Null()
    {
        var other = new MessageEnvelope(Examples.Header(), new MessageRoute(Operation: "connect", Resource: "node/connection"),
            MessageContent.FromString("something"));

        Assert.Null(BusTranslator.TryParseConnection(other));
    }

    [ExamplesFact]
    public void Keepalive_ToEnvelope_SameAsExample03()
    {
        var example = Examples.Load("03-edge-keepalive.json");

        var envelope = EdgeHubTranslator.ToEnvelope(new EdgeKeepalive(), example.Header);

        Assert.Equal(example, envelope);
        Assert.IsType<EdgeKeepalive>(EdgeHubTranslator.TryParse(example));
    }

    [ExamplesFact]
    public void Ack_ForExample01_SameAsExample02()
    {
        var request = Examples.Load("01-cloud-to-edge-pod-insert.json");
        var expected = Examples.Load("02-edge-ack.json");

        var ack = EdgeHubTranslator.ToEnvelope(DeliveryAck.For(request), expected.Header with { ParentMsgId = "" });

        Assert.Equal(expected, ack);
        Assert.Equal(DeliveryAck.For(request), EdgeHubTranslator.TryParse(expected));
    }

    [Theory]
    [InlineData("resource", "edgecontroller", "", EdgeDispatchKind.Group, "meta")]
    [InlineData("resource", "edgecontroller", "q-1", EdgeDispatchKind.Response, "q-1")]
    [InlineData("func", "x", "", EdgeDispatchKind.Group, "meta")]
    [InlineData("twin", "devicecontroller", "p", EdgeDispatchKind.Group, "twin")]
    [InlineData("user", "router_eventbus", "", EdgeDispatchKind.Module, "eventbus")]
    [InlineData("user", "router_servicebus", "", EdgeDispatchKind.Module, "servicebus")]
    [InlineData("user", "router_servicebus", "r-9", EdgeDispatchKind.Response, "r-9")]
    [InlineData("user", "other", "", EdgeDispatchKind.Drop, null)]
    [InlineData("taskmanager", "taskmanager", "", EdgeDispatchKind.Module, "taskmanager")]
    [InlineData("bogus", "x", "", EdgeDispatchKind.Drop, null)]
    public void RouteFromCloud_GroupSourceParent_AsKubeEdgeHandlers(
        string group, string source, string parent, EdgeDispatchKind kind, string? target)
    {
        var envelope = new MessageEnvelope(new MessageHeader("m", parent), new MessageRoute(source, group, "update", "x/y/z"),
            MessageContent.Null);

        var dispatch = EdgeHubTranslator.RouteFromCloud(envelope);

        Assert.Equal(kind, dispatch.Kind);
        if (target is not null)
        {
            Assert.Equal(target, dispatch.Target);
        }
    }
}
