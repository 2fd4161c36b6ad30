using Actors.Cloud.Modules.CloudHub;
using Actors.Kernel.Actor;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Tests.CloudHub.Hub;

public sealed class CloudHubScaleTests : Kit
{
    private const int Nodes = 200;

    [Fact]
    public async Task TwoHundredConcurrentNodes_AllReceiveABroadcast()
    {
        await using var hub = await HubHarness.StartAsync(this);
        var clients = await Task.WhenAll(Enumerable.Range(0, Nodes).Select(i => EdgeClient.ConnectAsync(hub.Port, $"edge-{i}")));
        try
        {
            await EventuallyConnectedAsync(hub);
            foreach (var client in clients)
            {
                var envelope = new MessageEnvelope(
                    new MessageHeader(Guid.NewGuid().ToString()),
                    new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Update,
                        $"node/{client.NodeId}/default/configmap/shared"),
                    MessageContent.FromString("broadcast"));
                hub.Hub.Tell(new DownstreamMessage(client.NodeId, envelope), ActorRefs.NoSender);
            }

            var received = await Task.WhenAll(clients.Select(c => c.ReceiveAsync()));
            Assert.All(received, r => Assert.Equal("default/configmap/shared", r!.Route.Resource));
            Assert.All(received, r => Assert.Equal("broadcast", r!.Content.AsString()));
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        }
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
