using System.Net;
using System.Net.Sockets;
using System.Text;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Modules.Router;
using Actors.Cloud.Tests.EdgeController;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Tests.Router;

public sealed class RouterTests : Actors.TestKit.TestKit
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task EndpointAsync(ControllerHarness h, string name, string type, Dictionary<string, string>? properties = null) =>
        await h.Client.Resource(KnownResources.RuleEndpoints).CreateAsync("default", new RuleEndpoint
        {
            Metadata = new ObjectMeta { Name = name, Namespace = "default" },
            Spec = new RuleEndpointSpec { RuleEndpointType = type, Properties = properties ?? [] },
        });

    private static async Task RuleAsync(ControllerHarness h, string name, string source, Dictionary<string, string> sourceResource, string target, Dictionary<string, string> targetResource) =>
        await h.Client.Resource(KnownResources.Rules).CreateAsync("default", new Rule
        {
            Metadata = new ObjectMeta { Name = name, Namespace = "default" },
            Spec = new RuleSpec { Source = source, SourceResource = sourceResource, Target = target, TargetResource = targetResource },
        });

    private (ControllerHarness, HttpClient, string) Start(ControllerHarness h, Actors.TestKit.TestProbe hub)
    {
        var port = FreePort();
        h.StartBus(Sys, new RouterModule(true, h.Source, new RouterSettings(IPAddress.Loopback, port, TimeSpan.FromSeconds(20))), hub.Ref);
        return (h, new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, "http://127.0.0.1:" + port);
    }

    /// <summary>Sends until the router has the rule (404 before) or listens (connection refused before).</summary>
    private static async Task<HttpResponseMessage> UntilRoutedAsync(Func<Task<HttpResponseMessage>> send)
    {
        var deadline = DateTime.UtcNow + ControllerHarness.Wait;
        while (true)
        {
            try
            {
                var response = await send();
                if (response.StatusCode != HttpStatusCode.NotFound || DateTime.UtcNow > deadline)
                {
                    return response;
                }

                response.Dispose();
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // The listener is not up yet.
            }

            await Task.Yield();
        }
    }

    [Fact]
    public async Task RestToEventBus_PostOnNodePath_PublishedOnEdgeTopic()
    {
        await using var h = await ControllerHarness.StartAsync();
        await EndpointAsync(h, "my-rest", RuleTable.Rest);
        await EndpointAsync(h, "my-eventbus", RuleTable.EventBus);
        await RuleAsync(h, "rest-to-bus", "my-rest", new() { ["path"] = "/a" }, "my-eventbus", new() { ["topic"] = "test" });
        var hub = CreateTestProbe();
        var (_, http, url) = Start(h, hub);
        using var _ = http;

        using var response = await UntilRoutedAsync(() => http.PostAsync(url + "/edge-1/default/a/extra", new StringContent("hello")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("message delivered", await response.Content.ReadAsStringAsync());
        var publish = ControllerHarness.Next(hub);
        Assert.Equal(new MessageRoute(ModuleNames.RouterEventBus, Groups.User, Operations.Publish, "node/edge-1/test/extra"), publish.Route);
        Assert.Equal("hello", publish.Content.AsString());
    }

    [Fact]
    public async Task RestToServiceBus_EdgeAnswers_AnswerReturnedToCaller()
    {
        await using var h = await ControllerHarness.StartAsync();
        await EndpointAsync(h, "my-rest", RuleTable.Rest);
        await EndpointAsync(h, "my-servicebus", RuleTable.ServiceBus, new() { ["service_port"] = "8080" });
        await RuleAsync(h, "rest-to-svc", "my-rest", new() { ["path"] = "/svc" }, "my-servicebus", new() { ["path"] = "/api/v1" });
        var hub = CreateTestProbe();
        var (_, http, url) = Start(h, hub);
        using var _ = http;

        var call = UntilRoutedAsync(() => http.PostAsync(url + "/edge-1/default/svc/items", new StringContent("{\"n\":1}")));
        var request = await Task.Run(() => ControllerHarness.Next(hub));
        Assert.Equal(new MessageRoute(ModuleNames.RouterServiceBus, Groups.User, "POST", "node/edge-1/8080:/api/v1/items"), request.Route);
        var content = request.Content.ToElement();
        Assert.Equal("http://127.0.0.1:8080/api/v1/items", content.GetProperty("url").GetString());
        Assert.Equal("{\"n\":1}", Encoding.UTF8.GetString(Convert.FromBase64String(content.GetProperty("body").GetString()!)));

        var answer = "{\"header\":{\"Content-Type\":[\"text/plain\"]},\"status_code\":201,\"body\":\"" + Convert.ToBase64String("made"u8.ToArray()) + "\"}";
        var upload = new MessageEnvelope(
            new MessageHeader(Guid.NewGuid().ToString(), ParentMsgId: request.Header.MsgId),
            new MessageRoute(ModuleNames.ServiceBus, Groups.User, Operations.Upload, "node/edge-1/"),
            MessageContent.FromJson(Encoding.UTF8.GetBytes(answer)));
        h.Bus.Send(ModuleNames.Router, new BusMessage(upload));

        using var response = await call.WaitAsync(ControllerHarness.Wait);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("made", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task EventBusToRest_EdgePublishesOnRuleTopic_PostedToTargetWithNodeName()
    {
        var targetPort = FreePort();
        using var target = new HttpListener();
        target.Prefixes.Add("http://127.0.0.1:" + targetPort + "/");
        target.Start();
        await using var h = await ControllerHarness.StartAsync();
        await EndpointAsync(h, "my-rest", RuleTable.Rest);
        await EndpointAsync(h, "my-eventbus", RuleTable.EventBus);
        await RuleAsync(h, "bus-to-rest", "my-eventbus", new() { ["topic"] = "test", ["node_name"] = "edge-1" }, "my-rest",
            new() { ["resource"] = "http://127.0.0.1:" + targetPort + "/ingest" });
        var hub = CreateTestProbe();
        Start(h, hub).Item2.Dispose();

        var subscribe = ControllerHarness.Next(hub);
        Assert.Equal(new MessageRoute(ModuleNames.RouterEventBus, Groups.User, Operations.Subscribe, "node/edge-1/default/test"), subscribe.Route);
        var upload = new MessageEnvelope(
            new MessageHeader(Guid.NewGuid().ToString()),
            new MessageRoute(ModuleNames.BusSource, Groups.User, Operations.Upload, "node/edge-1/default/test"),
            MessageContent.FromString("42"));
        var received = target.GetContextAsync();
        h.Bus.Send(ModuleNames.Router, new BusMessage(upload));

        var context = await received.WaitAsync(ControllerHarness.Wait);
        using var reader = new StreamReader(context.Request.InputStream);
        Assert.Equal(("POST", "/ingest", "edge-1", "42"), (context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["NodeName"], await reader.ReadToEndAsync()));
        context.Response.StatusCode = 200;
        context.Response.Close();
    }
}
