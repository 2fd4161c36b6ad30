using System.Text;
using Actors.Edge.Modules.MetaManager.Client;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Edge.Tests.MetaManager.Module;

/// <summary>EdgeD's requests through <see cref="MetaClient"/>: queries (local, remote, offline), statuses, patches, sync.</summary>
public sealed class EdgeOperationTests : MetaManagerTestBase
{
    private static MessageEnvelope AnswerWith(MessageEnvelope request, string json) => new(
        new MessageHeader(Guid.NewGuid().ToString(), request.Header.MsgId, ResourceVersion: "7"),
        new MessageRoute(ModuleNames.EdgeController, Groups.Resource, Operations.Response, request.Route.Resource),
        MessageContent.FromJson(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public async Task Query_StoredLocally_AnsweredWithoutAskingTheCloud()
    {
        Start();
        Connect();
        FromCloud(Cloud(Operations.Insert, "default/configmap/cfg", """{"metadata":{"name":"cfg"},"data":{"k":"v"}}"""));
        Edged.ExpectMsg<Seen>(Long);
        Assert.Contains("\"k\":\"v\"", await Within(Client.GetConfigMapAsync("default", "cfg")), StringComparison.Ordinal);
        Assert.Empty(Hub.ReceiveWhile(o => o is Seen { Envelope.Route.Operation: Operations.Query } s ? s : null, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task Query_MissingAndConnected_AsksCloudStoresAnswerAndServesItOfflineLater()
    {
        Start();
        CloudAnswers = q => q.Route.Operation == Operations.Query ? AnswerWith(q, """{"metadata":{"name":"s"},"data":{"p":"eA=="}}""") : null;
        Connect();
        var secret = await Within(Client.GetSecretAsync("default", "s"));
        Assert.Contains("eA==", secret, StringComparison.Ordinal);
        var asked = Hub.FishForMessage<Seen>(s => s.Envelope.Route.Operation == Operations.Query, Long).Envelope;
        Assert.Equal("default/secret/s", asked.Route.Resource);
        var ack = Hub.FishForMessage<Seen>(s => s.Envelope.Route.Operation == Operations.Response, Long).Envelope;
        Assert.Equal(WellKnownContent.Ok, ack.Content.AsString());
        Disconnect();
        CloudAnswers = null;
        Assert.Contains("eA==", await Within(Client.GetSecretAsync("default", "s")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_MissingAndOffline_ClearNotFoundError()
    {
        Start();
        var ex = await Assert.ThrowsAsync<MetaClientException>(() => Within(Client.GetConfigMapAsync("default", "nope")));
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("not connected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_CloudAnswersError_ErrorReachesCaller()
    {
        Start();
        CloudAnswers = q => MessageEnvelope.ErrorTo(q, new MessageHeader(Guid.NewGuid().ToString()), "configmaps \"x\" not found");
        Connect();
        var ex = await Assert.ThrowsAsync<MetaClientException>(() => Within(Client.GetConfigMapAsync("default", "x")));
        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PodStatus_OfflineStoredThenSyncedAfterReconnectAndEveryInterval()
    {
        Start();
        FromCloud(Cloud(Operations.Insert, "default/pod/web", Pod("web", "u1")));
        Edged.ExpectMsg<Seen>(Long);
        await Within(Client.SendPodStatusAsync("default", "web", """{"phase":"Running"}"""));
        await Within(Client.SendPodStatusAsync("default", "gone", """{"phase":"Failed"}"""));
        await Within(Client.SendNodeStatusAsync("edge-1", """{"conditions":[]}"""));
        Assert.Empty(Hub.ReceiveWhile(o => o is Seen { Envelope.Route.Operation: Operations.Update } s ? s : null, TimeSpan.FromMilliseconds(300)));

        Connect();
        var sync = Hub.FishForMessage<Seen>(s => s.Envelope.Route.Resource == "default/podstatus", Long).Envelope;
        Assert.Contains("Running", sync.Content.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Failed", sync.Content.ToString(), StringComparison.Ordinal);
        var statuses = await Within(Client.ListAsync("default", ResourceTypes.PodStatus));
        Assert.DoesNotContain(statuses, v => v.Contains("Failed", StringComparison.Ordinal));

        Time.Advance(TimeSpan.FromSeconds(60));
        var periodic = Hub.FishForMessage<Seen>(s => s.Envelope.Route.Resource == "default/podstatus", Long).Envelope;
        Assert.Equal(Operations.Update, periodic.Route.Operation);
        await Within(Client.SendPodStatusAsync("default", "web", """{"phase":"Succeeded"}"""));
        Assert.Contains("Succeeded", Hub.FishForMessage<Seen>(s => s.Envelope.Route.Resource == "default/podstatus/web", Long).Envelope.Content.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_OfflineRejected_OnlineForwardedToCloud()
    {
        Start();
        var patch = new MessageEnvelope(MessageHeader.New(Time), new MessageRoute(ModuleNames.EdgeD, Groups.Meta, Operations.Patch, "default/podpatch/web"),
            MessageContent.FromJson("""{"status":{"phase":"Running"}}"""u8));
        var offline = await Within(Bus.SendSync(ModuleNames.MetaManager, new Actors.Messages.Bus.BusMessage(patch)));
        Assert.Contains("connection lost", Actors.Messages.Wire.EnvelopeCorrelation.EnvelopeOf(offline)!.Content.AsString(), StringComparison.Ordinal);
        Connect();
        var online = await Within(Bus.SendSync(ModuleNames.MetaManager, new Actors.Messages.Bus.BusMessage(patch with { Header = MessageHeader.New(Time) })));
        Assert.Equal(WellKnownContent.Ok, Actors.Messages.Wire.EnvelopeCorrelation.EnvelopeOf(online)!.Content.AsString());
        Assert.Equal("default/podpatch/web", Hub.FishForMessage<Seen>(s => s.Envelope.Route.Operation == Operations.Patch, Long).Envelope.Route.Resource);
    }

    [Fact]
    public async Task Request_UnknownTypeOrMalformedContent_ErrorAnswer()
    {
        Start();
        var ex = await Assert.ThrowsAsync<MetaClientException>(() => Within(Client.GetAsync("default", "gizmo", "g")));
        Assert.Contains("unknown resource type", ex.Message, StringComparison.Ordinal);
        var bad = await Assert.ThrowsAsync<MetaClientException>(() => Within(Client.SendPodStatusAsync("default", "web", "[1,2]")));
        Assert.Contains("JSON object", bad.Message, StringComparison.Ordinal);
    }
}
