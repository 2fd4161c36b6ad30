using Actors.Messages.CloudHub;
using Actors.Messages.Tests.Support;
using Actors.Messages.Wire;

namespace Actors.Messages.Tests.Translators;

public sealed class CloudHubEdgeFilterTests
{
    [Theory]
    [InlineData("edgecontroller", "get", "node/e1/membership", true)]
    [InlineData("edgemgr", "get", "node/e1/membership", false)]
    [InlineData("edgemgr", "delta", "node/e1/twin", false)]
    [InlineData("edgemgr", "update", "node/e1/twin", true)]
    [InlineData("edgemgr", "delete", "node/e1/null/node/e1", false)]
    [InlineData("edgemgr", "insert", "node/e1/default/pod/p", true)]
    public void IsToEdge_LegacyEdgeManagerInternal_NotSent(string source, string operation, string resource, bool expected)
    {
        var envelope = new MessageEnvelope(Examples.Header(), new MessageRoute(source, "resource", operation, resource), MessageContent.Null);

        Assert.Equal(expected, CloudHubTranslator.IsToEdge(envelope));
    }

    [Theory]
    [InlineData("delete", "node/e1/null/node/e1", true)]
    [InlineData("update", "node/e1/null/node/e1", false)]
    [InlineData("delete", "node/e1/default/pod/p", false)]
    public void IsNodeStopped_NodeDelete_True(string operation, string resource, bool expected)
    {
        var envelope = new MessageEnvelope(Examples.Header(), new MessageRoute("edgecontroller", "resource", operation, resource), MessageContent.Null);

        Assert.Equal(expected, CloudHubTranslator.IsNodeStopped(envelope));
    }

    [Theory]
    [InlineData("ping", true)]
    [InlineData("pong", true)]
    [InlineData("config", true)]
    [InlineData("keepalive", false)]
    public void ViaductControl_Operation_AnsweredWithAck(string operation, bool isControl)
    {
        var control = new MessageEnvelope(new MessageHeader("c-1"), new MessageRoute(Operation: operation), MessageContent.Null);

        Assert.Equal(isControl, ViaductControl.IsControl(control));
        var reply = ViaductControl.Reply(control, Examples.Header());
        Assert.Equal("c-1", reply.Header.ParentMsgId);
        Assert.Equal("response", reply.Route.Operation);
        Assert.Equal("ack", reply.Content.AsString());
    }
}
