using Actors.Messages.CloudHub;
using Actors.Messages.Tests.Support;
using Actors.Messages.Wire;

namespace Actors.Messages.Tests.Translators;

public sealed class CloudHubTranslatorTests
{
    [ExamplesFact]
    public void NodeConnected_ToEnvelope_SameAsExample06()
    {
        var example = Examples.Load("06-cloud-internal-connect-event.json");

        var envelope = CloudHubTranslator.ToEnvelope(
            new NodeConnected("edge-node-1", DateTimeOffset.FromUnixTimeSeconds(1722931200)), example.Header);

        Assert.Equal(example, envelope);
        Assert.Equal(new NodeConnected("edge-node-1", DateTimeOffset.FromUnixTimeSeconds(1722931200)),
            CloudHubTranslator.TryParseConnectEvent(example));
    }

    [Fact]
    public void NodeDisconnected_RoundTrip()
    {
        var message = new NodeDisconnected("n1", DateTimeOffset.FromUnixTimeSeconds(1700000000));

        var envelope = CloudHubTranslator.ToEnvelope(message, Examples.Header());

        Assert.Equal("disconnected", envelope.Route.Operation);
        Assert.Equal("node/n1", envelope.Route.Resource);
        Assert.Equal(message, CloudHubTranslator.TryParseConnectEvent(envelope));
    }

    [Fact]
    public void TryParseConnectEvent_BadContent_Null()
    {
        var envelope = new MessageEnvelope(Examples.Header(), new MessageRoute("cloudhub", "resource", "connected", "node/n1"),
            MessageContent.FromJson("""{"timestamp":"x"}"""u8));

        Assert.Null(CloudHubTranslator.TryParseConnectEvent(envelope));
    }

    [Fact]
    public void ToWireThenFromWire_NodeResource_TrimmedAndRestored()
    {
        var cloud = new MessageEnvelope(Examples.Header(), new MessageRoute("edgecontroller", "resource", "insert", "node/e1/default/pod/p"),
            MessageContent.Null);

        var wire = CloudHubTranslator.ToWire(cloud);

        Assert.Equal("default/pod/p", wire.Route.Resource);
        Assert.Equal(cloud, CloudHubTranslator.FromWire("e1", wire));
    }

    [Theory]
    [InlineData("websocket", "resource", "keepalive", "node", "", UpstreamDispatchKind.Keepalive, "e1")]
    [InlineData("edged", "resource", "response", "default/volume/v1", "p1", UpstreamDispatchKind.Response, "p1")]
    [InlineData("edgecontroller", "resource", "response", "default/pod/x", "c1", UpstreamDispatchKind.Ack, "c1")]
    [InlineData("edged", "meta", "error", "default/pod/x", "", UpstreamDispatchKind.LogOnly, "e1")]
    [InlineData("bus", "user", "upload", "a/topic", "", UpstreamDispatchKind.Module, "router")]
    [InlineData("taskmanager", "taskmanager", "upload", "task/x", "", UpstreamDispatchKind.Group, "taskmanager")]
    [InlineData("edged", "meta", "query", "k8s/ca.crt", "", UpstreamDispatchKind.K8sCaRequest, "e1")]
    [InlineData("edgecontroller", "resource", "update", "default/pod/x", "", UpstreamDispatchKind.Drop, null)]
    [InlineData("metaserver", "meta", "query", "default/pod/x", "", UpstreamDispatchKind.Module, "dynamiccontroller")]
    [InlineData("twin", "resource", "update", "device/default/d/twin/edge_updated", "", UpstreamDispatchKind.Group, "devicecontroller")]
    [InlineData("edged", "meta", "patch", "default/podpatch/x", "", UpstreamDispatchKind.Group, "edgecontroller")]
    public void ClassifyUpstream_Message_AsDispatchUpstream(
        string source, string group, string operation, string resource, string parent, UpstreamDispatchKind kind, string? target)
    {
        var envelope = new MessageEnvelope(new MessageHeader("m", parent), new MessageRoute(source, group, operation, resource),
            MessageContent.Null);

        var dispatch = CloudHubTranslator.ClassifyUpstream("e1", envelope);

        Assert.Equal(kind, dispatch.Kind);
        if (target is not null)
        {
            Assert.Equal(target, dispatch.Target);
        }

        if (kind is UpstreamDispatchKind.Module or UpstreamDispatchKind.Group)
        {
            Assert.Equal("node/e1/" + resource, dispatch.Envelope.Route.Resource);
        }
    }

    [Theory]
    [InlineData("edgecontroller", "resource", "insert", "node/e1/default/pod/p", "obj", true)]
    [InlineData("edgecontroller", "resource", "update", "node/e1/default/configmap/c", "obj", true)]
    [InlineData("edgecontroller", "resource", "update", "node/e1/null/node/e1", "obj", true)]
    [InlineData("edgecontroller", "resource", "insert", "node/e1/null/node/e1", "obj", false)]
    [InlineData("edgecontroller", "resource", "response", "node/e1/default/configmap/c", "obj", true)]
    [InlineData("edgecontroller", "resource", "response", "node/e1/default/pod/p", "obj", false)]
    [InlineData("edgecontroller", "resource", "response", "node/e1/default/secret/s", "OK", false)]
    [InlineData("edgecontroller", "resource", "update", "node/e1/kube-node-lease/lease/e1", "obj", false)]
    [InlineData("edgecontroller", "resource", "update", "node/e1/default/podlist", "obj", false)]
    [InlineData("devicecontroller", "twin", "update", "node/e1/membership", "obj", false)]
    [InlineData("devicecontroller", "resource", "insert", "node/e1/default/device/d", "obj", true)]
    [InlineData("router_eventbus", "user", "publish", "node/e1/topic", "obj", false)]
    [InlineData("edgecontroller", "resource", "createvolume", "node/e1/default/volume/v", "obj", false)]
    [InlineData("edgecontroller", "resource", "query", "node/e1/default/serviceaccounttoken/t", "obj", false)]
    public void RequiresAck_Message_AsNoAckRequired(
        string source, string group, string operation, string resource, string content, bool expected)
    {
        var body = content == "OK" ? MessageContent.FromString("OK") : MessageContent.FromJson("""{"kind":"X"}"""u8);
        var envelope = new MessageEnvelope(Examples.Header(), new MessageRoute(source, group, operation, resource), body);

        Assert.Equal(expected, AckPolicy.RequiresAck(envelope));
    }
}
