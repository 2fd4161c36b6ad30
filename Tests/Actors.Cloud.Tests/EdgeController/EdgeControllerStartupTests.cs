using Actors.Cloud.Modules.EdgeController;
using Actors.Messages.Bus;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Tests.EdgeController;

/// <summary>A restarted cloudcore: edge nodes reconnect while the controller's informers are still listing.</summary>
public sealed class EdgeControllerStartupTests : Actors.TestKit.TestKit
{
    [Fact]
    public async Task NodeConnected_BeforeInformersListed_NodeStateSentOnceListed()
    {
        await using var h = await ControllerHarness.StartAsync();
        await Objects.NodeAsync(h.Client, "edge-a", edge: true);
        var cm = await Objects.ConfigMapAsync(h.Client, "app-config", "v2");
        await Objects.PodAsync(h.Client, "uses-config", "edge-a", configMap: "app-config");
        var hub = CreateTestProbe();
        var module = new EdgeControllerModule(enabled: true, h.Source, new EdgeControllerSettings(UpstreamWorkers: 1, InformerResync: TimeSpan.Zero));

        // The connect is on the bus before the informers' first list can have answered (as after a cloudcore restart).
        h.StartBus(Sys, module, hub.Ref);
        var connected = CloudHubTranslator.ToEnvelope(new NodeConnected("edge-a", DateTimeOffset.UtcNow), MessageHeader.New(TimeProvider.System));
        h.Bus.Send(ModuleNames.EdgeController, new BusMessage(connected));

        // The configmap was listed before the pod that uses it; only the node state sent after the lists routes it.
        var sent = ControllerHarness.Next(hub, e => e.Route.Resource == "node/edge-a/default/configmap/app-config", "the pod's configmap");
        Assert.Equal(cm.Metadata.ResourceVersion, sent.Header.ResourceVersion);
        Assert.Equal("v2", sent.Content.ToElement().GetProperty("data").GetProperty("k").GetString());
    }
}
