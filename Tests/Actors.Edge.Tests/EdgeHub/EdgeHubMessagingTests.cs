using Actors.Edge.Tests.EdgeHub.Support;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Xunit.Abstractions;

namespace Actors.Edge.Tests.EdgeHub;

/// <summary>Both directions over a real loopback WebSocket: dispatch + ACK, upstream, SendSync, duplicates, bad frames.</summary>
public sealed class EdgeHubMessagingTests(ITestOutputHelper output) : EdgeHubTestBase(output)
{
    [Fact]
    public async Task Downstream_PodInsert_DispatchedToMetaGroupAndLeftForMetaManagerToAck()
    {
        StartEdge(Settings());
        var connection = await Stub.NextConnectionAsync(Io);
        ExpectLink(Meta, WellKnownContent.CloudConnected);
        var pod = Envelope(ModuleNames.EdgeController, Groups.Resource, Operations.Insert, "default/pod/nginx", "{}");
        var marker = TwinMarker("marker");

        await connection.SendAsync(pod);
        await connection.SendAsync(marker);

        var dispatched = Meta.FishForMessage<BusMessage>(m => m.Envelope.Header.MsgId == pod.Header.MsgId, Io);
        Assert.Equal("default/pod/nginx", dispatched.Envelope.Route.Resource);
        var first = await connection.ExpectAsync(e => e.Route.Operation == Operations.Response, Io);
        Assert.Equal(marker.Header.MsgId, first.Header.ParentMsgId);
        Assert.Equal(WellKnownContent.Ok, first.Content.AsString());
        Assert.Equal(ModuleNames.DeviceController, first.Route.Source);
    }

    [Fact]
    public async Task Downstream_RouterEventBusMessage_SentToEventBusModuleWithoutAck()
    {
        StartEdge(Settings());
        var connection = await Stub.NextConnectionAsync(Io);
        ExpectLink(Bus, WellKnownContent.CloudConnected);
        var publish = Envelope(ModuleNames.RouterEventBus, Groups.User, "publish", "topic/a", "hello");
        var marker = TwinMarker("c");

        await connection.SendAsync(publish);
        await connection.SendAsync(marker);

        Bus.FishForMessage<BusMessage>(m => m.Envelope.Header.MsgId == publish.Header.MsgId, Io);
        var first = await connection.ExpectAsync(e => e.Route.Operation == Operations.Response, Io);
        Assert.Equal(marker.Header.MsgId, first.Header.ParentMsgId); // the user-group message got no ACK
    }

    [Fact]
    public async Task Upstream_ModuleSendsToWebsocket_WrittenToCloudUnchanged()
    {
        var bus = StartEdge(Settings());
        var connection = await Stub.NextConnectionAsync(Io);
        ExpectLink(Meta, WellKnownContent.CloudConnected);
        var patch = Envelope(ModuleNames.EdgeD, Groups.Meta, Operations.Patch, "default/podpatch/nginx", "[]");

        bus.Send(ModuleNames.EdgeHub, new BusMessage(patch));

        var received = await connection.ExpectAsync(e => e.Header.MsgId == patch.Header.MsgId, Io);
        Assert.Equal(patch, received);
        AwaitCondition(() => OutboxCount() == 0, Io, message: "the written message leaves the outbox");
    }

    [Fact]
    public async Task SendSync_CloudAnswersWithParentId_CallerGetsTheAnswer()
    {
        var bus = StartEdge(Settings());
        var connection = await Stub.NextConnectionAsync(Io);
        ExpectLink(Meta, WellKnownContent.CloudConnected);
        var query = Envelope(ModuleNames.MetaManager, Groups.Meta, Operations.Query, "default/configmap/cm", "null");

        var answer = bus.SendSync(ModuleNames.EdgeHub, new BusMessage(query), TimeSpan.FromMinutes(5));
        var request = await connection.ExpectAsync(e => e.Header.MsgId == query.Header.MsgId, Io);
        Assert.False(request.Header.Sync); // KubeEdge writes sync=false on the wire
        var reply = MessageEnvelope.ResponseTo(request, new MessageHeader(Guid.NewGuid().ToString()), MessageContent.FromString("{\"data\":1}"));
        await connection.SendAsync(reply with { Route = reply.Route with { Group = Groups.Resource } });

        var got = Assert.IsType<BusMessage>(await answer.WaitAsync(Io));
        Assert.Equal(query.Header.MsgId, got.Envelope.Header.ParentMsgId);
        Assert.Equal("{\"data\":1}", got.Envelope.Content.AsString());
    }

    [Fact]
    public async Task Dedupe_SameMsgIdTwice_DispatchedOnceAckedTwice()
    {
        StartEdge(Settings());
        var connection = await Stub.NextConnectionAsync(Io);
        ExpectLink(Meta, WellKnownContent.CloudConnected);
        var pod = TwinMarker("p");
        var marker = TwinMarker("marker");

        await connection.SendAsync(pod);
        await connection.SendAsync(pod);
        await connection.SendAsync(marker);

        var acks = new List<MessageEnvelope>();
        for (var i = 0; i < 3; i++)
        {
            acks.Add(await connection.ExpectAsync(e => e.Route.Operation == Operations.Response, Io));
        }

        Assert.Equal(new[] { pod.Header.MsgId, pod.Header.MsgId, marker.Header.MsgId }, acks.Select(a => a.Header.ParentMsgId));
        ExpectLink(Twin, WellKnownContent.CloudConnected);
        var dispatched = Twin.ReceiveWhile<BusMessage>(m => m is BusMessage b && b.Envelope.Route.Operation == Operations.Update ? b : null, Io, msgs: 2);
        Assert.Equal(new[] { pod.Header.MsgId, marker.Header.MsgId }, dispatched.Select(d => d.Envelope.Header.MsgId));
    }

    [Fact]
    public async Task BadInput_MalformedAndOversizedFrames_DroppedConnectionSurvives()
    {
        StartEdge(Settings() with { MaxFrameBytes = 4096 });
        var connection = await Stub.NextConnectionAsync(Io);
        ExpectLink(Meta, WellKnownContent.CloudConnected);
        var good = TwinMarker("s");

        await connection.SendTextAsync("{\"header\": not json");
        await connection.SendTextAsync("{\"route\":{}}");
        await connection.SendRawAsync(EnvelopeCodec.Encode(Envelope(ModuleNames.EdgeController, Groups.Resource, Operations.Insert, "default/pod/big", new string('x', 10_000))));
        await connection.SendAsync(good);

        var ack = await connection.ExpectAsync(e => e.Route.Operation == Operations.Response, Io);
        Assert.Equal(good.Header.MsgId, ack.Header.ParentMsgId);
        var dispatched = Twin.FishForMessage<BusMessage>(m => m.Envelope.Header.MsgId == good.Header.MsgId, Io);
        Assert.Equal("device/s/twin", dispatched.Envelope.Route.Resource);
        Assert.False(connection.Closed.IsCompleted);
        Assert.False(Stub.HasConnection(out _));
    }

    [Fact]
    public async Task Downstream_NoHandlerForGroup_DroppedAndNotAcked()
    {
        StartEdge(Settings());
        var connection = await Stub.NextConnectionAsync(Io);
        ExpectLink(Meta, WellKnownContent.CloudConnected);
        var unknown = Envelope(ModuleNames.EdgeController, "nosuchgroup", Operations.Insert, "default/pod/x", "{}");
        var marker = TwinMarker("marker");

        await connection.SendAsync(unknown);
        await connection.SendAsync(marker);

        var first = await connection.ExpectAsync(e => e.Route.Operation == Operations.Response, Io);
        Assert.Equal(marker.Header.MsgId, first.Header.ParentMsgId);
    }

    [Fact]
    public async Task Control_ViaductPing_AnsweredWithAckNotDispatched()
    {
        StartEdge(Settings());
        var connection = await Stub.NextConnectionAsync(Io);
        ExpectLink(Meta, WellKnownContent.CloudConnected);
        var ping = Envelope(string.Empty, string.Empty, "ping", string.Empty, "ping");

        await connection.SendAsync(ping);

        var reply = await connection.ExpectAsync(e => e.Header.ParentMsgId == ping.Header.MsgId, Io);
        Assert.Equal(WellKnownContent.Ack, reply.Content.AsString());
    }

    /// <summary>A cloud message EdgeHub itself acknowledges (twin group; meta-group objects are MetaManager's to ACK).</summary>
    private static MessageEnvelope TwinMarker(string device) =>
        Envelope(ModuleNames.DeviceController, Groups.Twin, Operations.Update, "device/" + device + "/twin", "{}");
}
