using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Modules.EdgeController;
using Actors.Cloud.Tests.ApiServer;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Tests.EdgeController;

public sealed class EdgeControllerRoundTripTests : Actors.TestKit.TestKit
{
    [Fact]
    public async Task PodCreated_DeliveredThenEdgeReportsRunning_StatusPatchedInApi()
    {
        await using var h = await ControllerHarness.StartAsync();
        await Objects.NodeAsync(h.Client, "edge-a", edge: true);
        var hub = CreateTestProbe();
        h.StartBus(Sys, new EdgeControllerModule(true, h.Source, new EdgeControllerSettings(2, TimeSpan.Zero)), hub.Ref);

        await Objects.PodAsync(h.Client, "web", "edge-a");
        var delivered = ControllerHarness.Next(hub, e => e.Route.Resource == "node/edge-a/default/pod/web", "pod delivered");
        Assert.Equal(Operations.Insert, delivered.Route.Operation);

        // The edge runs the pod it received and reports it, as edged does: a status patch on <ns>/podpatch/<name>.
        var uid = delivered.Content.ToElement().GetProperty("metadata").GetProperty("uid").GetString();
        var patch = "{\"metadata\":{\"uid\":\"" + uid + "\"},\"status\":{\"phase\":\"Running\",\"hostIP\":\"192.168.1.20\"}}";
        h.Upstream(ModuleNames.EdgeController, ModuleNames.EdgeD, Groups.Meta, Operations.Patch, "node/edge-a/default/podpatch/web", MessageContent.FromString(patch));

        var pods = h.Client.Resource(KnownResources.Pods);
        await Poll.UntilAsync(() => pods.GetAsync("default", "web").GetAwaiter().GetResult().Status?.Phase == "Running", "pod Running in the API");
        Assert.Equal("192.168.1.20", (await pods.GetAsync("default", "web")).Status!.HostIP);

        // The status change comes back down as an update for the same node.
        var update = ControllerHarness.Next(hub, e => e.Route.Operation == Operations.Update && e.Route.Resource == "node/edge-a/default/pod/web", "pod update");
        Assert.Equal("Running", update.Content.ToElement().GetProperty("status").GetProperty("phase").GetString());
    }
}
