using Actors.Cloud.Modules.CloudHub;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Tests.CloudHub.Hub;

public sealed class CloudHubSessionTests : Kit
{
    private static readonly CloudHubOptions Retry = new() { RetryInterval = TimeSpan.FromSeconds(5), MaxSends = 3 };

    [Fact]
    public async Task Connect_WithHeaders_PublishesConnectedThenDisconnectedOnClose()
    {
        await using var hub = await HubHarness.StartAsync(this);
        var client = await EdgeClient.ConnectAsync(hub.Port, "edge-1");
        var connected = hub.ExpectEvent(Operations.Connected, "edge-1");
        Assert.Equal(UpstreamDispatchKind.Group, connected.Dispatch.Kind);
        Assert.Equal(Groups.EdgeController, connected.Dispatch.Target);
        Assert.Equal("node/edge-1", connected.Dispatch.Envelope.Route.Resource);
        Assert.IsType<NodeConnected>(CloudHubTranslator.TryParseConnectEvent(connected.Dispatch.Envelope));

        await client.DisposeAsync();
        var gone = hub.ExpectEvent(Operations.Disconnected, "edge-1");
        Assert.IsType<NodeDisconnected>(CloudHubTranslator.TryParseConnectEvent(gone.Dispatch.Envelope));
    }

    [Fact]
    public async Task Connect_NodeIdHeaderInGoCanonicalCase_IsAccepted()
    {
        await using var hub = await HubHarness.StartAsync(this);
        await using var client = await EdgeClient.ConnectAsync(hub.Port, "edge-1", headerName: "Node_id");
        hub.ExpectEvent(Operations.Connected, "edge-1");
    }

    [Fact]
    public async Task EdgeMessage_GoesUpstreamWithNodePrefix()
    {
        await using var hub = await HubHarness.StartAsync(this);
        await using var client = await hub.ConnectAsync("edge-1");
        var sent = new MessageEnvelope(
            new MessageHeader("m-1"),
            new MessageRoute(ModuleNames.MetaManager, Groups.Meta, Operations.Update, "default/podstatus/web"),
            MessageContent.FromJson(EdgeClient.Utf8("""{"phase":"Running"}""")));
        await client.SendAsync(sent);

        var up = hub.Upstream.ExpectMsg<CloudHubUpstream>(HubHarness.Wait);
        Assert.Equal("edge-1", up.NodeId);
        Assert.Equal("node/edge-1/default/podstatus/web", up.Dispatch.Envelope.Route.Resource);
        Assert.Equal("m-1", up.Dispatch.Envelope.Header.MsgId);
        Assert.Equal(sent.Content, up.Dispatch.Envelope.Content);
    }

    [Fact]
    public async Task ControlPing_IsAnsweredWithAckAndNotForwarded()
    {
        await using var hub = await HubHarness.StartAsync(this);
        await using var client = await hub.ConnectAsync("edge-1");
        await client.SendAsync(new MessageEnvelope(new MessageHeader("p-1"), new MessageRoute(Operation: Operations.Ping), MessageContent.Null));

        var reply = await client.ReceiveAsync();
        Assert.NotNull(reply);
        Assert.Equal("p-1", reply.Header.ParentMsgId);
        Assert.Equal(Operations.Response, reply.Route.Operation);
        Assert.Equal(WellKnownContent.Ack, reply.Content.AsString());
        hub.Upstream.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task CloudMessage_ArrivesAtEdgeWithPrefixStripped_AndAckStopsRetries()
    {
        await using var hub = await HubHarness.StartAsync(this, Retry);
        await using var client = await hub.ConnectAsync("edge-1");
        var sent = hub.SendPod("edge-1", "uid-1", "7");

        var received = await client.ReceiveAsync();
        Assert.NotNull(received);
        Assert.Equal("default/pod/web", received.Route.Resource);
        Assert.Equal(sent.Header.MsgId, received.Header.MsgId);
        await client.AckAsync(received);
        await client.SendAsync(Marker("after-ack"));
        hub.Upstream.FishForMessage<CloudHubUpstream>(m => m.Dispatch.Envelope.Header.MsgId == "after-ack", HubHarness.Wait);

        Time.Advance(TimeSpan.FromSeconds(20)); // four retry intervals, less than the keepalive timeout
        hub.SendPod("edge-1", "uid-2", "1", "next");
        var next = await client.ReceiveAsync();
        Assert.Equal("default/pod/next", next!.Route.Resource); // no resend of uid-1 came before it
    }

    [Fact]
    public async Task UnacknowledgedMessage_AfterMaxSends_IsRequeuedWithBackoffNotDropped()
    {
        await using var hub = await HubHarness.StartAsync(this, Retry);
        await using var client = await hub.ConnectAsync("edge-1");
        var sent = hub.SendPod("edge-1", "uid-1", "7");

        for (var send = 1; send <= Retry.MaxSends; send++)
        {
            var received = await client.ReceiveAsync();
            Assert.Equal(sent.Header.MsgId, received!.Header.MsgId);
            Time.Advance(Retry.RetryInterval);
        }

        await Kit.EventuallyAsync(() => Log.Contains("not acknowledged after 3 sends, re-queued"), "the re-queue log line");
        hub.SendPod("edge-1", "uid-2", "1", "next");
        var next = await client.ReceiveAsync();
        Assert.Equal("default/pod/next", next!.Route.Resource);
        await client.AckAsync(next);
        await client.KeepaliveAsync();
        await client.SendAsync(Marker("alive"));
        hub.Upstream.FishForMessage<CloudHubUpstream>(m => m.Dispatch.Envelope.Header.MsgId == "alive", HubHarness.Wait);

        Time.Advance(Retry.BackoffAfter(1)); // round 2 starts after the backoff (2 x 5 s)
        var again = await client.ReceiveAsync();
        Assert.Equal(sent.Header.MsgId, again!.Header.MsgId);
    }

    [Fact]
    public async Task NewerVersion_ReplacesQueuedOne_AndOlderIsSkipped()
    {
        await using var hub = await HubHarness.StartAsync(this, Retry);
        await using var client = await hub.ConnectAsync("edge-1");
        hub.SendPod("edge-1", "uid-1", "7");
        var v8 = hub.SendPod("edge-1", "uid-1", "8");
        hub.SendPod("edge-1", "uid-1", "6");
        Assert.Equal("7", (await client.ReceiveAsync())!.Header.ResourceVersion);
        var second = await client.ReceiveAsync();
        Assert.Equal(v8.Header.MsgId, second!.Header.MsgId);

        Time.Advance(Retry.RetryInterval);
        var resent = await client.ReceiveAsync();
        Assert.Equal(v8.Header.MsgId, resent!.Header.MsgId); // only the newest version is retried
        await client.AckAsync(resent);
        await client.SendAsync(Marker("acked"));
        hub.Upstream.FishForMessage<CloudHubUpstream>(m => m.Dispatch.Envelope.Header.MsgId == "acked", HubHarness.Wait);

        hub.SendPod("edge-1", "uid-1", "8"); // already acknowledged: skipped
        hub.SendPod("edge-1", "uid-2", "1", "next");
        Assert.Equal("default/pod/next", (await client.ReceiveAsync())!.Route.Resource);
    }

    [Fact]
    public async Task NoAckMessage_IsSentOnce()
    {
        await using var hub = await HubHarness.StartAsync(this, Retry);
        await using var client = await hub.ConnectAsync("edge-1");
        var podList = new MessageEnvelope(
            new MessageHeader("list-1"),
            new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Response, "node/edge-1/default/podlist"),
            MessageContent.FromJson("[]"u8));
        Assert.False(AckPolicy.RequiresAck(podList));
        hub.Hub.Tell(new DownstreamMessage("edge-1", podList), Kernel.Actor.ActorRefs.NoSender);
        Assert.Equal("default/podlist", (await client.ReceiveAsync())!.Route.Resource);

        Time.Advance(TimeSpan.FromSeconds(20));
        hub.SendPod("edge-1", "uid-2", "1", "next");
        Assert.Equal("default/pod/next", (await client.ReceiveAsync())!.Route.Resource);
    }

    [Fact]
    public async Task KeepaliveExpiry_ClosesTheSession_KeepaliveResetsIt()
    {
        var options = new CloudHubOptions { KeepaliveTimeout = TimeSpan.FromSeconds(30) };
        await using var hub = await HubHarness.StartAsync(this, options);
        await using var client = await hub.ConnectAsync("edge-1");
        await client.SendAsync(new MessageEnvelope(new MessageHeader("p-1"), new MessageRoute(Operation: Operations.Ping), MessageContent.Null));
        Assert.NotNull(await client.ReceiveAsync()); // the session is running

        Time.Advance(TimeSpan.FromSeconds(20));
        await client.KeepaliveAsync();
        await client.SendAsync(new MessageEnvelope(new MessageHeader("p-2"), new MessageRoute(Operation: Operations.Ping), MessageContent.Null));
        Assert.NotNull(await client.ReceiveAsync()); // the keepalive was handled
        Time.Advance(TimeSpan.FromSeconds(20));
        await client.SendAsync(new MessageEnvelope(new MessageHeader("p-3"), new MessageRoute(Operation: Operations.Ping), MessageContent.Null));
        Assert.Equal("p-3", (await client.ReceiveAsync())!.Header.ParentMsgId); // 40 s after connecting, still alive

        Time.Advance(TimeSpan.FromSeconds(11));
        hub.ExpectEvent(Operations.Disconnected, "edge-1");
        await client.ExpectClosedAsync();
        Assert.True(Log.Contains("no keepalive"));
    }

    [Fact]
    public async Task SecondConnection_ReplacesTheFirst()
    {
        await using var hub = await HubHarness.StartAsync(this);
        await using var first = await hub.ConnectAsync("edge-1");
        await using var second = await EdgeClient.ConnectAsync(hub.Port, "edge-1");
        hub.ExpectEvent(Operations.Disconnected, "edge-1");
        hub.ExpectEvent(Operations.Connected, "edge-1");
        await first.ExpectClosedAsync();

        hub.SendPod("edge-1", "uid-1", "1");
        Assert.Equal("default/pod/web", (await second.ReceiveAsync())!.Route.Resource);
    }

    [Fact]
    public async Task AcknowledgedVersion_IsNotSentAgainAfterReconnect_NewerIs()
    {
        await using var hub = await HubHarness.StartAsync(this, Retry);
        var first = await hub.ConnectAsync("edge-1");
        hub.SendPod("edge-1", "uid-1", "5");
        var received = await first.ReceiveAsync();
        await first.AckAsync(received!);
        await first.SendAsync(Marker("acked"));
        hub.Upstream.FishForMessage<CloudHubUpstream>(m => m.Dispatch.Envelope.Header.MsgId == "acked", HubHarness.Wait);
        await first.DisposeAsync();
        hub.ExpectEvent(Operations.Disconnected, "edge-1");

        await using var second = await hub.ConnectAsync("edge-1");
        hub.SendPod("edge-1", "uid-1", "5");
        var v6 = hub.SendPod("edge-1", "uid-1", "6");
        Assert.Equal(v6.Header.MsgId, (await second.ReceiveAsync())!.Header.MsgId);
    }

    [Fact]
    public async Task EdgeMessageClaimingACloudModuleSource_IsDroppedAndLogged()
    {
        await using var hub = await HubHarness.StartAsync(this);
        await using var client = await hub.ConnectAsync("edge-1");
        await client.SendAsync(new MessageEnvelope(
            new MessageHeader("spoof"),
            new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Update, "default/pod/web"),
            MessageContent.Null));
        await client.SendAsync(Marker("next"));

        var up = hub.Upstream.ExpectMsg<CloudHubUpstream>(HubHarness.Wait);
        Assert.Equal("next", up.Dispatch.Envelope.Header.MsgId);
        Assert.True(Log.Contains("dropped message spoof"));
    }

    internal static MessageEnvelope Marker(string id) => new(
        new MessageHeader(id),
        new MessageRoute(ModuleNames.MetaManager, Groups.Meta, Operations.Update, "default/configmap/marker"),
        MessageContent.FromString(id));
}
