using Actors.Edge.Tests.EdgeHub.Support;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Xunit.Abstractions;

namespace Actors.Edge.Tests.EdgeHub;

/// <summary>The link itself: handshake headers, keepalive, connect/disconnect broadcasts, reconnect after a drop.</summary>
public sealed class EdgeHubLinkTests(ITestOutputHelper output) : EdgeHubTestBase(output)
{
    [Fact]
    public async Task Connect_PlainWsAllowed_EventsPathAndKubeEdgeHeaders()
    {
        StartEdge(Settings());

        var connection = await Stub.NextConnectionAsync(Io);

        Assert.Equal("/project-1/node-1/events", connection.Path);
        Assert.Equal("node-1", connection.Headers["node_id"]);
        Assert.Equal("project-1", connection.Headers["project_id"]);
        Assert.Equal("msg", connection.Headers["ConnectionUse"]);
    }

    [Fact]
    public void Connect_Connected_BroadcastToMetaTwinAndBusGroups()
    {
        StartEdge(Settings());

        foreach (var probe in new[] { Meta, Twin, Bus })
        {
            var message = ExpectLink(probe, WellKnownContent.CloudConnected);
            Assert.Equal(ModuleNames.EdgeHubSource, message.Envelope.Route.Source);
            Assert.Equal(Operations.Connect, message.Envelope.Route.Operation);
            Assert.IsType<CloudConnected>(BusTranslator.TryParseConnection(message.Envelope));
        }
    }

    [Fact]
    public async Task Keepalive_HeartbeatElapses_PingSentEachInterval()
    {
        StartEdge(Settings() with { Heartbeat = TimeSpan.FromSeconds(15) });
        var connection = await Stub.NextConnectionAsync(Io);
        ExpectLink(Meta, WellKnownContent.CloudConnected);

        Clock.Advance(TimeSpan.FromSeconds(15));
        var first = await connection.ExpectAsync(e => e.Route.Operation == Operations.Keepalive, Io, includeKeepalives: true);
        Clock.Advance(TimeSpan.FromSeconds(15));
        var second = await connection.ExpectAsync(e => e.Route.Operation == Operations.Keepalive, Io, includeKeepalives: true);

        Assert.Equal(ModuleNames.EdgeHub, first.Route.Source);
        Assert.Equal(Groups.Resource, first.Route.Group);
        Assert.Equal(ResourceTypes.Node, first.Route.Resource);
        Assert.Equal(WellKnownContent.Ping, first.Content.AsString());
        Assert.NotEqual(first.Header.MsgId, second.Header.MsgId);
    }

    [Fact]
    public async Task Reconnect_ServerDropsSocket_DisconnectedThenReconnectedAndBroadcast()
    {
        StartEdge(Settings());
        var first = await Stub.NextConnectionAsync(Io);
        ExpectLink(Meta, WellKnownContent.CloudConnected);

        first.Abort();
        ExpectLink(Meta, WellKnownContent.CloudDisconnected);
        ExpectLink(Twin, WellKnownContent.CloudDisconnected);
        var second = AwaitConnection();

        ExpectLink(Meta, WellKnownContent.CloudConnected);
        Assert.Equal("node-1", second.Headers["node_id"]);
    }

    [Fact]
    public void Reconnect_CloudRefusesAtFirst_RetriedUntilAccepted()
    {
        Stub.Accepting = false;
        StartEdge(Settings());
        AdvanceUntil(() => Stub.Refused >= 2, "two refused attempts");

        Stub.Accepting = true;
        var connection = AwaitConnection();

        ExpectLink(Meta, WellKnownContent.CloudConnected);
        Assert.Equal("/project-1/node-1/events", connection.Path);
    }
}
