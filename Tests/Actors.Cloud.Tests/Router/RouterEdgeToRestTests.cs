using System.Net;
using System.Text;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Config;
using Actors.Cloud.Tests.ApiServer;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.ServiceBus;
using Actors.Messages.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Actors.Cloud.Tests.Router;

/// <summary>Edge → REST (eventbus and servicebus sources), and rules read from the API server by informers.</summary>
public sealed class RouterEdgeToRestTests : RouterTestBase
{
    [Fact]
    public async Task EventBusSource_RuleAppears_NodeSubscribedAndUploadPostedToTarget()
    {
        var received = new TaskCompletionSource<(string Body, string Node)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var (app, target) = await Kernel.Hosting.LoopbackWebApp.StartAsync(new IPEndPoint(IPAddress.Loopback, 0), a => a.MapPost("/ingest", async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            received.TrySetResult((await reader.ReadToEndAsync(), c.Request.Headers["NodeName"].ToString()));
        }));
        await using var _ = app;
        Start();

        Rules(RouterFixtures.BusToRest("bus-to-rest", "edge-1", "temp", new Uri(target, "/ingest").ToString()));

        var subscribe = ExpectToNode();
        Assert.Equal(new MessageRoute(ModuleNames.RouterEventBus, Groups.User, Operations.Subscribe, "node/edge-1/default/temp"), subscribe.Route);
        var upload = new MessageEnvelope(new MessageHeader("u-1"), new MessageRoute(ModuleNames.BusSource, Groups.User, Operations.Upload, "node/edge-1/default/temp"),
            MessageContent.FromString("21.5"));
        Bus.Send(ModuleNames.Router, new BusMessage(upload));
        Assert.Equal(("21.5", "edge-1"), await received.Task.WaitAsync(Long));

        Rules();
        Assert.Equal(Operations.Unsubscribe, ExpectToNode().Route.Operation);
    }

    [Fact]
    public async Task ServiceBusSource_AllowedUrl_CalledAndAnswerSentBackToTheNode_OtherUrl403()
    {
        var (app, target) = await Kernel.Hosting.LoopbackWebApp.StartAsync(new IPEndPoint(IPAddress.Loopback, 0),
            a => a.MapPost("/api", () => Results.Text("accepted", statusCode: 202)));
        await using var _ = app;
        var url = new Uri(target, "/api").ToString();
        Start();
        Rules(RouterFixtures.ServiceToRest("svc-to-rest", "edge-1", url));
        Assert.Equal(new MessageRoute(ModuleNames.RouterServiceBus, Groups.User, Operations.Start, "node/edge-1/" + url), ExpectToNode().Route);

        Bus.Send(ModuleNames.Router, new BusMessage(Upload("s-1", url)));
        var answer = ExpectToNode();
        Bus.Send(ModuleNames.Router, new BusMessage(Upload("s-2", "http://127.0.0.1:1/not-allowed")));
        var refused = ExpectToNode();

        Assert.Equal("s-1", answer.Header.ParentMsgId);
        var response = ServiceBusTranslator.ReadResponse(answer.Content)!;
        Assert.Equal((202, "accepted"), (response.StatusCode, Encoding.UTF8.GetString(response.Body!.Value.Span)));
        Assert.Equal("s-2", refused.Header.ParentMsgId);
        Assert.Equal(403, ServiceBusTranslator.ReadResponse(refused.Content)!.StatusCode);
    }

    [Fact]
    public async Task Informers_RulesAppliedToApiServer_RouteServedWithoutRestart()
    {
        await using var h = await ApiServerHarness.StartAsync();
        using var client = new KubernetesClient(KubeConfigLoader.Load(h.Server.KubeconfigPath));
        using var http = new HttpClient { BaseAddress = Start(client: _ => Task.FromResult(client)), Timeout = Long };

        (await h.KubectlAsync(Kubectls.Default, "apply", "-f", h.WriteFile("rules.yaml", """
            apiVersion: rules.kubeedge.io/v1
            kind: RuleEndpoint
            metadata: {name: my-rest, namespace: default}
            spec: {ruleEndpointType: rest, properties: {}}
            ---
            apiVersion: rules.kubeedge.io/v1
            kind: RuleEndpoint
            metadata: {name: my-eventbus, namespace: default}
            spec: {ruleEndpointType: eventbus, properties: {}}
            ---
            apiVersion: rules.kubeedge.io/v1
            kind: Rule
            metadata: {name: rest-to-bus, namespace: default}
            spec: {source: my-rest, sourceResource: {path: /a}, target: my-eventbus, targetResource: {topic: test}}
            """))).Ok();

        await AwaitConditionAsync(async () =>
        {
            using var r = await http.PostAsync(new Uri("/edge-9/default/a", UriKind.Relative), new StringContent("m"));
            return r.StatusCode == HttpStatusCode.OK;
        }, Long);
        Assert.Equal("node/edge-9/test", ExpectToNode().Route.Resource);
    }

    private static MessageEnvelope Upload(string id, string url) => new(
        new MessageHeader(id, Sync: true),
        new MessageRoute(ModuleNames.ServiceBus, Groups.User, Operations.Upload, "node/edge-1/" + url),
        ServiceBusTranslator.RequestContent(new ServiceBusHttpRequest(null, Encoding.UTF8.GetBytes("p"), "POST", url)));
}
