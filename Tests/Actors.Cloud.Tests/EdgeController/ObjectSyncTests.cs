using Actors.Cloud.Modules.CloudHub;
using Actors.Cloud.Modules.CloudHub.Sessions;
using Actors.Cloud.Modules.EdgeController;
using Actors.Cloud.Modules.EdgeController.Sync;
using Actors.Messages.Bus;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Tests.EdgeController;

/// <summary>Objects a node acknowledged that no longer exist are deleted on the edge when it connects (KubeEdge's ObjectSync).</summary>
public sealed class ObjectSyncTests : Actors.TestKit.TestKit
{
    [Fact]
    public void Deletes_AckedObjectsGoneFromTheNode_OnlyThoseOfItsTypesAndNode()
    {
        AckedObject[] acked =
        [
            new("uid-live", "node/edge-a/default/pod/web"),
            new("uid-gone-pod", "node/edge-a/default/pod/old"),
            new("uid-gone-cm", "node/edge-a/default/configmap/old-config"),
            new("uid-node", "node/edge-a/null/node/edge-a"),
            new("uid-other", "node/edge-b/default/pod/x"),
            new("uid-legacy", string.Empty),
        ];

        var deletes = ObjectSyncReconciler.Deletes("edge-a", acked, new HashSet<string>(["uid-live"]));

        Assert.Equal([("default", "pod", "old", "uid-gone-pod"), ("default", "configmap", "old-config", "uid-gone-cm")], deletes);
    }

    [Fact]
    public async Task NodeConnects_AckedConfigMapDeletedMeanwhile_DeleteSentLiveOnesKept()
    {
        await using var h = await ControllerHarness.StartAsync();
        await Objects.NodeAsync(h.Client, "edge-a", edge: true);
        var cm = await Objects.ConfigMapAsync(h.Client, "app-config", "v1");
        await Objects.PodAsync(h.Client, "uses-config", "edge-a", configMap: "app-config");
        var hub = CreateTestProbe();
        h.StartBus(Sys, new EdgeControllerModule(enabled: true, h.Source, new EdgeControllerSettings(UpstreamWorkers: 1, InformerResync: TimeSpan.Zero)), hub.Ref);
        h.Bus.Send(ModuleNames.EdgeController, new BusMessage(
            CloudHubTranslator.ToEnvelope(new NodeConnected("edge-a", DateTimeOffset.UtcNow), MessageHeader.New(TimeProvider.System))));

        var ask = hub.FishForMessage<GetAckedObjects>(_ => true, ControllerHarness.Wait, "the question to CloudHub");
        Assert.Equal("edge-a", ask.NodeId);
        hub.Reply(new AckedObjects("edge-a",
        [
            new AckedObject(cm.Metadata.Uid!, "node/edge-a/default/configmap/app-config"),
            new AckedObject("uid-deleted", "node/edge-a/default/configmap/removed-config"),
        ]));

        var delete = ControllerHarness.Next(hub, e => e.Route.Operation == Operations.Delete, "the reconciled delete");
        Assert.Equal("node/edge-a/default/configmap/removed-config", delete.Route.Resource);
        Assert.Equal("uid-deleted", delete.Content.ToElement().GetProperty("metadata").GetProperty("uid").GetString());
    }
}
