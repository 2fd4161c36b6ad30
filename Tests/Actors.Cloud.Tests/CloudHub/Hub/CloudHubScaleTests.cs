using Actors.Cloud.Modules.CloudHub;
using Actors.Cloud.Modules.CloudHub.Sessions;
using Actors.Kernel.Actor;

namespace Actors.Cloud.Tests.CloudHub.Hub;

/// <summary>
/// 1,000 nodes connected at once over real loopback sockets, each receiving a message that needs an ACK and
/// acknowledging it. Plain ws:// (AllowInsecure) keeps 1,000 TLS handshakes out of the test's time on this 2-core
/// machine; mutual TLS is covered by the refusal and process tests.
/// </summary>
public sealed class CloudHubScaleTests : Kit
{
    private const int Nodes = 1000;

    [Fact]
    public async Task ThousandConcurrentNodes_EachReceivesAndAcknowledges()
    {
        var acks = new InMemoryAckStore();
        await using var hub = await HubHarness.StartAsync(this, new CloudHubOptions { NodeLimit = Nodes + 10 }, acks: acks);
        var clients = await ConnectAllAsync(hub.Port);
        try
        {
            await EventuallyConnectedAsync(hub);
            var sent = clients.Select(c => hub.SendPod(c.NodeId, "uid-" + c.NodeId, "3")).ToArray();

            await Task.WhenAll(clients.Select(async (c, i) =>
            {
                var received = await c.ReceiveAsync();
                Assert.Equal(sent[i].Header.MsgId, received!.Header.MsgId);
                Assert.Equal("default/pod/web", received.Route.Resource);
                await c.AckAsync(received);
            }));

            await EventuallyAsync(() => clients.All(c => acks.AckedVersion(c.NodeId, "uid-" + c.NodeId) == "3"), "all 1,000 ACKs recorded");
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    /// <summary>Connects every node, at most 100 handshakes in flight (the server's accept backlog is finite).</summary>
    private static async Task<EdgeClient[]> ConnectAllAsync(int port)
    {
        using var gate = new SemaphoreSlim(100);
        return await Task.WhenAll(Enumerable.Range(0, Nodes).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await EdgeClient.ConnectAsync(port, $"edge-{i}");
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static async Task EventuallyConnectedAsync(HubHarness hub)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var nodes = await hub.Hub.Ask<ConnectedNodes>(GetConnectedNodes.Instance, TimeSpan.FromSeconds(20));
            if (nodes.NodeIds.Count == Nodes)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"only {nodes.NodeIds.Count} of {Nodes} nodes connected");
            await Task.Delay(50);
        }
    }
}
