using System.Net;
using System.Text;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.ServiceBus;
using Actors.Messages.Wire;

namespace Actors.Cloud.Tests.Router;

/// <summary>REST on the cloud → the edge's EventBus / ServiceBus, through the real listener.</summary>
public sealed class RouterRestTests : RouterTestBase
{
    [Fact]
    public async Task RestToEventBus_Post_PublishEnvelopeForTheNodeAnd200Delivered()
    {
        using var http = new HttpClient { BaseAddress = Start(), Timeout = Long };
        Rules(RouterFixtures.RestToBus("rest-to-bus", "/a", "test"));

        using var response = await PostEventuallyAsync(http, "/edge-1/default/a/extra", "hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("message delivered", await response.Content.ReadAsStringAsync());
        var envelope = ExpectToNode();
        Assert.Equal(new MessageRoute(ModuleNames.RouterEventBus, Groups.User, Operations.Publish, "node/edge-1/test/extra"), envelope.Route);
        Assert.Equal("hello", envelope.Content.AsString());
    }

    [Fact]
    public async Task RestToServiceBus_EdgeAnswers_CallerGetsEdgeStatusHeadersAndBody()
    {
        using var http = new HttpClient { BaseAddress = Start(), Timeout = Long };
        Rules(RouterFixtures.RestToService("rest-to-svc", "/svc", "/api/v1"));

        var call = PostEventuallyAsync(http, "/edge-1/default/svc/items?x=1", "{\"a\":1}");
        var request = ExpectToNode();
        Assert.Equal(new MessageRoute(ModuleNames.RouterServiceBus, Groups.User, "POST", "node/edge-1/8080:/api/v1/items?x=1"), request.Route);
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(ServiceBusTranslator.ReadRequest(request.Content)!.Body!.Value.Span));
        var edgeAnswer = new ServiceBusHttpResponse(new Dictionary<string, IReadOnlyList<string>> { ["X-Edge"] = ["yes"] }, 201, Encoding.UTF8.GetBytes("created"));
        Bus.Send(ModuleNames.Router, new BusMessage(ServiceBusTranslator.Response(request.Header.MsgId, edgeAnswer, new MessageHeader("r-1"))));

        using var response = await call;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("created", await response.Content.ReadAsStringAsync());
        Assert.Equal("yes", response.Headers.GetValues("X-Edge").Single());
    }

    [Fact]
    public async Task RestToServiceBus_EdgeSilent_408AfterRestTimeout()
    {
        using var http = new HttpClient { BaseAddress = Start(TimeSpan.FromMilliseconds(500)), Timeout = Long };
        Rules(RouterFixtures.RestToService("rest-to-svc", "/svc", "/api"));

        using var response = await PostEventuallyAsync(http, "/edge-1/default/svc", "x");

        Assert.Equal(HttpStatusCode.RequestTimeout, response.StatusCode);
        Assert.Equal("wait to get response time out", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Rest_NoRuleOrShortPath_404AndListenerKeepsServing()
    {
        using var http = new HttpClient { BaseAddress = Start(), Timeout = Long };
        Rules(RouterFixtures.RestToBus("rest-to-bus", "/a", "test"));

        using var noRule = await http.PostAsync(new Uri("/edge-1/default/zzz", UriKind.Relative), new StringContent("x"));
        using var shortPath = await http.PostAsync(new Uri("/edge-1", UriKind.Relative), new StringContent("x"));

        Assert.Equal(HttpStatusCode.NotFound, noRule.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, shortPath.StatusCode);
        using var ok = await PostEventuallyAsync(http, "/edge-1/default/a", "y");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    /// <summary>Rules arrive asynchronously: retry while the route is not known yet (404), up to the deadline.</summary>
    private async Task<HttpResponseMessage> PostEventuallyAsync(HttpClient http, string path, string body)
    {
        HttpResponseMessage? last = null;
        await AwaitConditionAsync(async () =>
        {
            last?.Dispose();
            last = await http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body));
            return last.StatusCode != HttpStatusCode.NotFound;
        }, Long);
        return last!;
    }
}
