using Actors.Cloud.Modules.CloudHub;
using Actors.Cloud.Modules.CloudHub.Sessions;
using Actors.Messages.Routing;

namespace Actors.Cloud.Tests.CloudHub.Hub;

/// <summary>Nothing waiting for an ACK is lost: offline nodes, ended sessions, replaced sessions, a restarted cloud.</summary>
public sealed class CloudHubDeliveryTests : Kit
{
    [Fact]
    public async Task MessageForOfflineNode_IsDeliveredWhenItConnects()
    {
        await using var hub = await HubHarness.StartAsync(this);
        hub.SendPod("edge-9", "uid-1", "4");
        var newest = hub.SendPod("edge-9", "uid-1", "5");

        await using var client = await hub.ConnectAsync("edge-9");

        var received = await client.ReceiveAsync();
        Assert.Equal(newest.Header.MsgId, received!.Header.MsgId); // only the newest version was kept
        Assert.True(Log.Contains("queued while it was offline"));
    }

    [Fact]
    public async Task PendingWhenSessionEnds_IsSentToTheReconnectingNode()
    {
        await using var hub = await HubHarness.StartAsync(this);
        var first = await hub.ConnectAsync("edge-1");
        var sent = hub.SendPod("edge-1", "uid-1", "7");
        Assert.Equal(sent.Header.MsgId, (await first.ReceiveAsync())!.Header.MsgId);
        await first.DisposeAsync(); // no ACK
        hub.ExpectEvent(Operations.Disconnected, "edge-1");

        await using var second = await hub.ConnectAsync("edge-1");

        var again = await second.ReceiveAsync();
        Assert.Equal(sent.Header.MsgId, again!.Header.MsgId);
    }

    [Fact]
    public async Task SentButNeverAcked_IsListedForDeletionReconciliation()
    {
        var acks = new InMemoryAckStore();
        await using var hub = await HubHarness.StartAsync(this, acks: acks);
        await using var client = await hub.ConnectAsync("edge-1");

        var sent = hub.SendPod("edge-1", "uid-1", "7");
        Assert.Equal(sent.Header.MsgId, (await client.ReceiveAsync())!.Header.MsgId); // received, never ACKed

        Assert.Equal([new AckedObject("uid-1", sent.Route.Resource)], acks.AckedObjects("edge-1"));
        Assert.Equal(string.Empty, acks.AckedVersion("edge-1", "uid-1"));
    }

    [Fact]
    public async Task PendingOfReplacedSession_GoesToTheNewSession()
    {
        await using var hub = await HubHarness.StartAsync(this);
        await using var first = await hub.ConnectAsync("edge-1");
        var sent = hub.SendPod("edge-1", "uid-1", "7");
        Assert.Equal(sent.Header.MsgId, (await first.ReceiveAsync())!.Header.MsgId);

        await using var second = await EdgeClient.ConnectAsync(hub.Port, "edge-1");

        var again = await second.ReceiveAsync();
        Assert.Equal(sent.Header.MsgId, again!.Header.MsgId);
        await second.AckAsync(again);
    }

    [Fact]
    public async Task RestartedCloud_WithSqliteStore_SendsOnlyWhatIsNewer()
    {
        var dir = Directory.CreateTempSubdirectory("cloudhub-restart-").FullName;
        var path = Path.Combine(dir, "cloudhub.db");
        try
        {
            using (var store = new SqliteAckStore(path))
            {
                await using var before = await HubHarness.StartAsync(this, acks: store, name: "before");
                await using var client = await before.ConnectAsync("edge-1");
                before.SendPod("edge-1", "uid-1", "7");
                await client.AckAsync((await client.ReceiveAsync())!);
                await client.SendAsync(CloudHubSessionTests.Marker("acked"));
                before.Upstream.FishForMessage<CloudHubUpstream>(m => m.Dispatch.Envelope.Header.MsgId == "acked", HubHarness.Wait);
            }

            using var reopened = new SqliteAckStore(path);
            await using var after = await HubHarness.StartAsync(this, acks: reopened, name: "after");
            await using var edge = await after.ConnectAsync("edge-1");
            after.SendPod("edge-1", "uid-1", "7"); // acknowledged before the restart: skipped
            var v8 = after.SendPod("edge-1", "uid-1", "8");
            Assert.Equal(v8.Header.MsgId, (await edge.ReceiveAsync())!.Header.MsgId);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task OfflineQueue_BeyondCapacity_EvictsOldestObjectWithLogLine()
    {
        await using var hub = await HubHarness.StartAsync(this, new CloudHubOptions { OfflineQueueCapacity = 2 });
        hub.SendPod("edge-5", "uid-1", "1", "a");
        hub.SendPod("edge-5", "uid-2", "1", "b");
        hub.SendPod("edge-5", "uid-3", "1", "c");

        await using var client = await hub.ConnectAsync("edge-5");

        Assert.Equal("default/pod/b", (await client.ReceiveAsync())!.Route.Resource);
        Assert.Equal("default/pod/c", (await client.ReceiveAsync())!.Route.Resource);
        Assert.True(Log.Contains("evicted"));
    }
}
