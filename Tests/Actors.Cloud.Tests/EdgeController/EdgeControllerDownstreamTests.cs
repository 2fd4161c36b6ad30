using System.Text.Json;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Modules.EdgeController;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Tests.EdgeController;

public sealed class EdgeControllerDownstreamTests : Actors.TestKit.TestKit
{
    private static EdgeControllerModule Module(ControllerHarness h) =>
        new(enabled: true, h.Source, new EdgeControllerSettings(UpstreamWorkers: 2, InformerResync: TimeSpan.Zero));

    private static bool Is(MessageEnvelope e, string operation, string resource) =>
        e.Route.Operation == operation && e.Route.Resource == resource;

    [Fact]
    public async Task PodCreated_OnEdgeNode_InsertGoesToThatNodeOnly()
    {
        await using var h = await ControllerHarness.StartAsync();
        await Objects.NodeAsync(h.Client, "edge-a", edge: true);
        await Objects.NodeAsync(h.Client, "edge-b", edge: true);
        await Objects.NodeAsync(h.Client, "cloud-c", edge: false);
        var hub = CreateTestProbe();
        h.StartBus(Sys, Module(h), hub.Ref);
        await Objects.PodAsync(h.Client, "early", "edge-a");
        Assert.True(Is(ControllerHarness.Next(hub), Operations.Insert, "node/edge-a/default/pod/early"));

        await Objects.PodAsync(h.Client, "on-cloud", "cloud-c");
        var created = await Objects.PodAsync(h.Client, "web", "edge-b");

        var insert = ControllerHarness.Next(hub);
        Assert.Equal(new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Insert, "node/edge-b/default/pod/web"), insert.Route);
        Assert.Equal(created.Metadata.ResourceVersion, insert.Header.ResourceVersion);
        var content = insert.Content.ToElement();
        Assert.Equal("Pod", content.GetProperty("kind").GetString());
        Assert.Equal("edge-b", content.GetProperty("spec").GetProperty("nodeName").GetString());
        Assert.True(AckPolicy.RequiresAck(insert));

        await h.Client.Resource(KnownResources.Pods).DeleteAsync("default", "web", new DeleteOptions { GracePeriodSeconds = 0 });
        Assert.True(Is(ControllerHarness.Next(hub), Operations.Delete, "node/edge-b/default/pod/web"));
    }

    [Fact]
    public async Task ConfigMapAndSecret_ReferencedByOneNodesPod_SentOnlyToThatNode()
    {
        await using var h = await ControllerHarness.StartAsync();
        await Objects.NodeAsync(h.Client, "edge-a", edge: true);
        await Objects.NodeAsync(h.Client, "edge-b", edge: true);
        var hub = CreateTestProbe();
        h.StartBus(Sys, Module(h), hub.Ref);
        await Objects.PodAsync(h.Client, "uses-config", "edge-a", configMap: "app-config", secret: "app-secret");
        await Objects.PodAsync(h.Client, "plain", "edge-b");
        ControllerHarness.All(hub, Operations.Insert, "node/edge-a/default/pod/uses-config", "node/edge-b/default/pod/plain");

        var cm = await Objects.ConfigMapAsync(h.Client, "app-config", "v1");
        var sent = ControllerHarness.Next(hub);
        Assert.True(Is(sent, Operations.Insert, "node/edge-a/default/configmap/app-config"), sent.Route.ToString());
        Assert.Equal(cm.Metadata.ResourceVersion, sent.Header.ResourceVersion);
        Assert.Equal("v1", sent.Content.ToElement().GetProperty("data").GetProperty("k").GetString());

        await Objects.ConfigMapAsync(h.Client, "unused", "x");
        await h.Client.Resource(KnownResources.Secrets).CreateAsync("default", new Secret
        {
            Metadata = new ObjectMeta { Name = "app-secret", Namespace = "default" },
            StringData = new Dictionary<string, string> { ["password"] = "s3cret" },
        });
        var secret = ControllerHarness.Next(hub);
        Assert.True(Is(secret, Operations.Update, "node/edge-a/default/secret/app-secret"), secret.Route.ToString());

        // A marker pod on edge-b: had anything been sent for "unused" or to edge-b, it would arrive before the marker.
        await Objects.PodAsync(h.Client, "marker", "edge-b");
        Assert.True(Is(ControllerHarness.Next(hub), Operations.Insert, "node/edge-b/default/pod/marker"));
    }

    [Fact]
    public async Task Query_ForConfigMap_AnsweredOnlyForNodeWhosePodUsesIt()
    {
        await using var h = await ControllerHarness.StartAsync();
        await Objects.NodeAsync(h.Client, "edge-a", edge: true);
        await Objects.NodeAsync(h.Client, "edge-b", edge: true);
        await Objects.ConfigMapAsync(h.Client, "app-config", "v1");
        var hub = CreateTestProbe();
        h.StartBus(Sys, Module(h), hub.Ref);
        await Objects.PodAsync(h.Client, "uses-config", "edge-a", configMap: "app-config");
        ControllerHarness.Next(hub, e => Is(e, Operations.Insert, "node/edge-a/default/pod/uses-config"), "pod on edge-a");

        h.Upstream(ModuleNames.EdgeController, ModuleNames.EdgeD, Groups.Meta, Operations.Query, "node/edge-b/default/configmap/app-config", MessageContent.Null, "q-b");
        var refused = ControllerHarness.Next(hub, e => e.Header.ParentMsgId == "q-b", "answer to edge-b");
        Assert.Equal(Operations.Error, refused.Route.Operation);
        Assert.Contains("forbidden", refused.Content.AsString(), StringComparison.Ordinal);

        h.Upstream(ModuleNames.EdgeController, ModuleNames.EdgeD, Groups.Meta, Operations.Query, "node/edge-a/default/configmap/app-config", MessageContent.Null, "q-a");
        var answer = ControllerHarness.Next(hub, e => e.Header.ParentMsgId == "q-a", "answer to edge-a");
        Assert.Equal(new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Response, "node/edge-a/default/configmap/app-config"), answer.Route);
        Assert.Equal("v1", answer.Content.ToElement().GetProperty("data").GetProperty("k").GetString());
        Assert.False(string.IsNullOrEmpty(answer.Header.ResourceVersion));
    }

    [Fact]
    public async Task Reconnect_ResendsTheNodesPodsAndObjects()
    {
        await using var h = await ControllerHarness.StartAsync();
        await Objects.NodeAsync(h.Client, "edge-a", edge: true);
        await Objects.ConfigMapAsync(h.Client, "app-config", "v1");
        await Objects.PodAsync(h.Client, "uses-config", "edge-a", configMap: "app-config");
        var hub = CreateTestProbe();
        h.StartBus(Sys, Module(h), hub.Ref);
        ControllerHarness.Next(hub, e => Is(e, Operations.Insert, "node/edge-a/default/pod/uses-config"), "initial pod");

        var connected = CloudHubTranslator.ToEnvelope(new NodeConnected("edge-a", DateTimeOffset.UtcNow), MessageHeader.New(TimeProvider.System));
        h.Bus.Send(ModuleNames.EdgeController, new Actors.Messages.Bus.BusMessage(connected));

        ControllerHarness.Next(hub, e => Is(e, Operations.Update, "node/edge-a/default/pod/uses-config"), "pod re-sent");
        var cm = ControllerHarness.Next(hub, e => e.Route.Resource == "node/edge-a/default/configmap/app-config", "configmap re-sent");
        Assert.Equal(JsonValueKind.Object, cm.Content.ToElement().ValueKind);
    }
}
