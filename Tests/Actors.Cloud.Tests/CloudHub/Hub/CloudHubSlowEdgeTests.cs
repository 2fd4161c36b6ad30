using Actors.Cloud.Modules.CloudHub;
using Actors.Kernel.Actor;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Tests.CloudHub.Hub;

public sealed class CloudHubSlowEdgeTests : Kit
{
    [Fact]
    public async Task StuckEdge_HitsTheWriteTimeoutAndIsDisconnected_OtherNodesUnaffected()
    {
        await using var hub = await HubHarness.StartAsync(this, new CloudHubOptions { WriteTimeout = TimeSpan.FromSeconds(1) });
        await using var stuck = await hub.ConnectAsync("stuck");
        await using var healthy = await hub.ConnectAsync("healthy");
        var big = MessageContent.FromString(new string('x', 512 * 1024));
        for (var i = 0; i < 100; i++) // 50 MB: more than the loopback socket buffers hold; the stuck edge never reads
        {
            hub.Hub.Tell(new DownstreamMessage("stuck", PodList("stuck", i, big)), ActorRefs.NoSender);
        }

        hub.Hub.Tell(new DownstreamMessage("healthy", PodList("healthy", 0, MessageContent.FromString("small"))), ActorRefs.NoSender);
        Assert.Equal("small", (await healthy.ReceiveAsync())!.Content.AsString());

        hub.ExpectEvent(Operations.Disconnected, "stuck");
        Assert.True(Log.Contains("write did not finish within"));
        hub.Hub.Tell(new DownstreamMessage("healthy", PodList("healthy", 1, MessageContent.FromString("after"))), ActorRefs.NoSender);
        Assert.Equal("after", (await healthy.ReceiveAsync())!.Content.AsString());
    }

    private static MessageEnvelope PodList(string node, int i, MessageContent content) => new(
        new MessageHeader($"{node}-{i}"),
        new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Response, $"node/{node}/default/podlist"),
        content);
}
