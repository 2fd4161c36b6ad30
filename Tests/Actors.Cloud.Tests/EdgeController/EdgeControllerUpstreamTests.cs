using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Modules.EdgeController;
using Actors.Cloud.Modules.EdgeController.Sync;
using Actors.Cloud.Modules.EdgeController.Upstream;
using Actors.Cloud.Tests.ApiServer;
using Actors.Messages.Bus;
using Actors.Messages.CloudHub;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Tests.EdgeController;

public sealed class EdgeControllerUpstreamTests : Actors.TestKit.TestKit
{
    private static EdgeControllerModule Module(ControllerHarness h) =>
        new(enabled: true, h.Source, new EdgeControllerSettings(UpstreamWorkers: 2, InformerResync: TimeSpan.Zero));

    [Fact]
    public async Task PodPatch_FromEdge_PatchesPodStatusInApi()
    {
        await using var h = await ControllerHarness.StartAsync();
        await Objects.NodeAsync(h.Client, "edge-a", edge: true);
        await Objects.PodAsync(h.Client, "web", "edge-a");
        var hub = CreateTestProbe();
        h.StartBus(Sys, Module(h), hub.Ref);

        var patch = """{"status":{"phase":"Running","podIP":"10.0.0.7","conditions":[{"type":"Ready","status":"True"}]}}""";
        h.Upstream(ModuleNames.EdgeController, ModuleNames.EdgeD, Groups.Meta, Operations.Patch, "node/edge-a/default/podpatch/web", MessageContent.FromString(patch));

        var pods = h.Client.Resource(KnownResources.Pods);
        string? phase = null;
        await Poll.UntilAsync(() => (phase = pods.GetAsync("default", "web").GetAwaiter().GetResult().Status?.Phase) == "Running", "pod status Running");
        var pod = await pods.GetAsync("default", "web");
        Assert.Equal("10.0.0.7", pod.Status!.PodIP);
        Assert.Equal("edge-a", pod.Spec!.NodeName);
    }

    [Fact]
    public async Task NodeInsert_FromEdge_CreatesLabelledNodeAndAnswers()
    {
        await using var h = await ControllerHarness.StartAsync();
        var hub = CreateTestProbe();
        h.StartBus(Sys, Module(h), hub.Ref);

        var node = """{"apiVersion":"v1","kind":"Node","metadata":{"name":"edge-new","labels":{"kubernetes.io/hostname":"edge-new"}},"status":{"nodeInfo":{"kubeletVersion":"v1.30.0-kubeedge"}}}""";
        h.Upstream(ModuleNames.EdgeController, ModuleNames.EdgeD, Groups.Meta, Operations.Insert, "node/edge-new/null/node/edge-new",
            MessageContent.FromJson(System.Text.Encoding.UTF8.GetBytes(node)), "register-1");

        var answer = ControllerHarness.Next(hub, e => e.Header.ParentMsgId == "register-1", "register answer");
        Assert.Equal(Operations.Response, answer.Route.Operation);
        Assert.Equal("edge-new", answer.Content.ToElement().GetProperty("metadata").GetProperty("name").GetString());
        var stored = await h.Client.Resource(KnownResources.Nodes).GetAsync(null, "edge-new");
        Assert.True(stored.Metadata.Labels!.ContainsKey(InformerSet.EdgeNodeLabel));
        Assert.Equal("edge-new", stored.Metadata.Labels["kubernetes.io/hostname"]);
        Assert.Equal(stored.Metadata.ResourceVersion, answer.Header.ResourceVersion);

        // The same registration again (edge restart) answers with the existing node instead of failing.
        h.Upstream(ModuleNames.EdgeController, ModuleNames.EdgeD, Groups.Meta, Operations.Insert, "node/edge-new/null/node/edge-new",
            MessageContent.FromJson(System.Text.Encoding.UTF8.GetBytes(node)), "register-2");
        var again = ControllerHarness.Next(hub, e => e.Header.ParentMsgId == "register-2", "second register answer");
        Assert.Equal(Operations.Response, again.Route.Operation);
    }

    [Fact]
    public async Task Disconnect_MarksNodeNotReady_AndKeepsItsPods()
    {
        await using var h = await ControllerHarness.StartAsync();
        await Objects.NodeAsync(h.Client, "edge-a", edge: true);
        await Objects.PodAsync(h.Client, "web", "edge-a");
        var hub = CreateTestProbe();
        h.StartBus(Sys, Module(h), hub.Ref);

        var lost = CloudHubTranslator.ToEnvelope(new NodeDisconnected("edge-a", DateTimeOffset.UtcNow), MessageHeader.New(TimeProvider.System));
        h.Bus.Send(ModuleNames.EdgeController, new BusMessage(lost));

        var nodes = h.Client.Resource(KnownResources.Nodes);
        string? Ready() => nodes.GetAsync(null, "edge-a").GetAwaiter().GetResult().Status?.Conditions?.Single(c => c.Type == "Ready").Status;
        await Poll.UntilAsync(() => Ready() == "Unknown", "Ready=Unknown");
        var ready = (await nodes.GetAsync(null, "edge-a")).Status!.Conditions!.Single(c => c.Type == "Ready");
        Assert.Equal(NodeStatusWriter.UnknownReason, ready.Reason);
        var pod = await h.Client.Resource(KnownResources.Pods).GetAsync("default", "web");
        Assert.Null(pod.Metadata.DeletionTimestamp);
    }

    [Fact]
    public async Task BadContent_FromEdge_AnsweredWithErrorAndControllerCarriesOn()
    {
        await using var h = await ControllerHarness.StartAsync();
        await Objects.NodeAsync(h.Client, "edge-a", edge: true);
        var hub = CreateTestProbe();
        h.StartBus(Sys, Module(h), hub.Ref);

        h.Upstream(ModuleNames.EdgeController, ModuleNames.EdgeD, Groups.Meta, Operations.Insert, "node/edge-a/null/node/edge-a",
            MessageContent.FromString("not json at all"), "bad-1");
        var error = ControllerHarness.Next(hub, e => e.Header.ParentMsgId == "bad-1", "error answer");
        Assert.Equal(Operations.Error, error.Route.Operation);

        var lease = """{"metadata":{"name":"edge-a","namespace":"kube-node-lease"},"spec":{"holderIdentity":"edge-a","leaseDurationSeconds":40}}""";
        h.Upstream(ModuleNames.EdgeController, ModuleNames.EdgeD, Groups.Meta, Operations.Insert, "node/edge-a/kube-node-lease/lease/edge-a",
            MessageContent.FromJson(System.Text.Encoding.UTF8.GetBytes(lease)), "lease-1");
        var answer = ControllerHarness.Next(hub, e => e.Header.ParentMsgId == "lease-1", "lease answer");
        Assert.Equal(Operations.Response, answer.Route.Operation);
        var stored = await h.Client.Resource(KnownResources.Leases).GetAsync("kube-node-lease", "edge-a");
        Assert.Equal(40, stored.Spec!.LeaseDurationSeconds);
    }

    [Fact]
    public async Task PodDelete_FromEdgeAfterGracefulDelete_RemovesOnlyTheMatchingUid()
    {
        await using var h = await ControllerHarness.StartAsync();
        await Objects.NodeAsync(h.Client, "edge-a", edge: true);
        var created = await Objects.PodAsync(h.Client, "web", "edge-a");
        var pods = h.Client.Resource(KnownResources.Pods);
        var deleting = await pods.DeleteAsync("default", "web");
        Assert.NotNull(deleting!.Metadata.DeletionTimestamp);
        var hub = CreateTestProbe();
        h.StartBus(Sys, Module(h), hub.Ref);

        // A confirmation for another incarnation of the pod (other UID) must not remove this one.
        h.Upstream(ModuleNames.EdgeController, ModuleNames.EdgeD, Groups.Meta, Operations.Delete, "node/edge-a/default/pod/web",
            MessageContent.FromString("{\"gracePeriodSeconds\":0,\"preconditions\":{\"uid\":\"some-other-uid\"}}"));
        // A node's messages are applied in order: once this status patch is in, the delete above was tried.
        h.Upstream(ModuleNames.EdgeController, ModuleNames.EdgeD, Groups.Meta, Operations.Patch, "node/edge-a/default/podpatch/web",
            MessageContent.FromString("{\"status\":{\"phase\":\"Running\"}}"));
        await Poll.UntilAsync(() => pods.GetAsync("default", "web").GetAwaiter().GetResult().Status?.Phase == "Running", "status patched");
        Assert.NotNull((await pods.GetAsync("default", "web")).Metadata.DeletionTimestamp);

        h.Upstream(ModuleNames.EdgeController, ModuleNames.EdgeD, Groups.Meta, Operations.Delete, "node/edge-a/default/pod/web",
            MessageContent.FromString("{\"gracePeriodSeconds\":0,\"preconditions\":{\"uid\":\"" + created.Metadata.Uid + "\"}}"));

        await Poll.UntilAsync(() => pods.ListAsync("default").GetAwaiter().GetResult().Items.Count == 0, "pod removed");
    }
}
