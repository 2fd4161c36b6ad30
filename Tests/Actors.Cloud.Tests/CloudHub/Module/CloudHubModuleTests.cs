using Actors.Cloud.Modules.CloudHub;
using Actors.Cloud.Tests.CloudHub.Hub;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Actors.TestKit;

namespace Actors.Cloud.Tests.CloudHub.Module;

/// <summary>CloudHub as a bus module: envelopes from cloud modules reach the node, edge messages reach their module/group.</summary>
public sealed class CloudHubModuleTests : Kit, IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("cloudhub-module-").FullName;

    void IDisposable.Dispose()
    {
        Shutdown();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task BusModule_DownstreamAndUpstream_RoutedThroughTheBus()
    {
        var controller = CreateTestProbe("controller");
        var (relay, ports) = await StartAsync(controller);
        await using var edge = await EdgeClient.ConnectAsync(ports.WebSocketPort, "edge-1");
        var connected = controller.FishForMessage<BusMessage>(m => m.Envelope.Route.Operation == Operations.Connected, HubHarness.Wait);
        Assert.Equal("node/edge-1", connected.Envelope.Route.Resource);

        var pod = new MessageEnvelope(new MessageHeader(Guid.NewGuid().ToString(), ResourceVersion: "7"),
            new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Update, "node/edge-1/default/pod/web"),
            MessageContent.FromJson(EdgeClient.Utf8("""{"metadata":{"name":"web","uid":"u-1","resourceVersion":"7"}}""")));
        relay.Tell(new Relay(ModuleNames.CloudHub, new BusMessage(pod)));
        var received = await edge.ReceiveAsync();
        Assert.Equal("default/pod/web", received!.Route.Resource);
        Assert.Equal(pod.Header.MsgId, received.Header.MsgId);

        await edge.SendAsync(new MessageEnvelope(new MessageHeader(Guid.NewGuid().ToString()),
            new MessageRoute(ModuleNames.EdgeD, Groups.Resource, Operations.Update, "default/podstatus/web"),
            MessageContent.FromString("running")));
        var upstream = controller.FishForMessage<BusMessage>(m => m.Envelope.Route.Operation == Operations.Update, HubHarness.Wait);
        Assert.Equal("node/edge-1/default/podstatus/web", upstream.Envelope.Route.Resource);
    }

    [Fact]
    public async Task BusModule_ResourceWithoutNode_DroppedAndModuleKeepsWorking()
    {
        var controller = CreateTestProbe("controller");
        var (relay, ports) = await StartAsync(controller);
        var bad = new MessageEnvelope(new MessageHeader(Guid.NewGuid().ToString()),
            new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Update, "default/pod/web"),
            MessageContent.FromString("x"));

        relay.Tell(new Relay(ModuleNames.CloudHub, new BusMessage(bad)));

        await EventuallyAsync(() => Log.Contains("names no node"), "the drop log line");
        await using var edge = await EdgeClient.ConnectAsync(ports.WebSocketPort, "edge-2");
        controller.FishForMessage<BusMessage>(m => m.Envelope.Route.Operation == Operations.Connected, HubHarness.Wait);
    }

    private async Task<(IActorRef Relay, CloudHubEndpoints Ports)> StartAsync(TestProbe controller)
    {
        var settings = new CloudHubModuleSettings(true, HubHarness.Insecure(), _dataDir) { HttpsAddress = System.Net.IPAddress.Loopback, HttpsPort = 0 };
        var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
        ModuleHost.Start(Sys, [new CloudHubModule(settings), new RelayModule(controller.Ref)], new ModuleHostOptions(correlation));
        var relay = controller.ExpectMsg<RelayReady>(HubHarness.Wait).Relay;
        var deadline = DateTime.UtcNow + HubHarness.Wait;
        while (true)
        {
            relay.Tell(new Relay(ModuleNames.CloudHub, GetCloudHubEndpoints.Instance));
            var ports = controller.FishForMessage<CloudHubEndpoints>(_ => true, HubHarness.Wait);
            if (ports.WebSocketPort > 0 && ports.HttpsPort > 0)
            {
                return (relay, ports);
            }

            Assert.True(DateTime.UtcNow < deadline, "CloudHub's listeners did not start");
            await Task.Delay(20);
        }
    }
}
