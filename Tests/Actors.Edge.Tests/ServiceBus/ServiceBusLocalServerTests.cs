using System.Net;
using System.Net.Http.Json;
using System.Text;
using Actors.Edge.Modules.ServiceBus;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.ServiceBus;
using Actors.Messages.Wire;

namespace Actors.Edge.Tests.ServiceBus;

/// <summary>ServiceBus as a source: the allow-list, the local server, the synchronous upload to the cloud.</summary>
public sealed class ServiceBusLocalServerTests : ServiceBusTestBase
{
    private const string Target = "http://backend.example:8080/ingest";

    [Fact]
    public async Task LocalServer_AllowedTarget_ForwardedToCloudAndCloudAnswerReturned()
    {
        var listening = ListeningProbe();
        var bus = StartBus();
        bus.Send("servicebus", new BusMessage(Request(Operations.Start, Target)));
        var address = listening.ExpectMsg<ServiceBusServerListening>(Long).Address;
        using var http = new HttpClient { BaseAddress = address, Timeout = Long };

        var post = http.PostAsJsonAsync("/", new ServiceBusServerRequest("POST", Target, Encoding.UTF8.GetBytes("reading=7")), ServiceBusTranslator.ServerRequestJson);
        var upload = Hub.ExpectMsg<BusMessage>(Long).Envelope;
        Assert.Equal(new MessageRoute(ModuleNames.ServiceBus, Groups.User, Operations.Upload, Target), upload.Route);
        Assert.True(upload.Header.Sync);
        var sent = ServiceBusTranslator.ReadRequest(upload.Content)!;
        Assert.Equal("reading=7", Text(sent.Body));
        var cloudAnswer = new ServiceBusHttpResponse(new Dictionary<string, IReadOnlyList<string>>(), 202, Encoding.UTF8.GetBytes("stored"));
        bus.SendResponse(new BusMessage(ServiceBusTranslator.Response(upload.Header.MsgId, cloudAnswer, new MessageHeader(Guid.NewGuid().ToString()))));

        using var response = await post;
        var answer = await response.Content.ReadFromJsonAsync(ServiceBusTranslator.ServerResponseJson);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(202, answer!.Code);
        Assert.Equal("stored", Text(answer.Body));
    }

    [Fact]
    public async Task LocalServer_TargetNotAllowedOrRemoved_403AndNothingSent()
    {
        var listening = ListeningProbe();
        var bus = StartBus();
        bus.Send("servicebus", new BusMessage(Request(Operations.Start, Target)));
        var address = listening.ExpectMsg<ServiceBusServerListening>(Long).Address;
        bus.Send("servicebus", new BusMessage(Request(Operations.Stop, Target)));
        using var http = new HttpClient { BaseAddress = address, Timeout = Long };

        await AwaitAssertAsync(async () =>
        {
            using var response = await http.PostAsJsonAsync("/", new ServiceBusServerRequest("POST", Target, null), ServiceBusTranslator.ServerRequestJson);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }, Long);
        Hub.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task LocalServer_MalformedJson_400AndServerKeepsServing()
    {
        var listening = ListeningProbe();
        var bus = StartBus();
        bus.Send("servicebus", new BusMessage(Request(Operations.Start, Target)));
        using var http = new HttpClient { BaseAddress = listening.ExpectMsg<ServiceBusServerListening>(Long).Address, Timeout = Long };

        using var bad = await http.PostAsync(new Uri("/", UriKind.Relative), new StringContent("{not json", Encoding.UTF8, "application/json"));
        using var missing = await http.PostAsJsonAsync("/", new ServiceBusServerRequest("POST", null, null), ServiceBusTranslator.ServerRequestJson);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public void AllowList_StoredBeforeStart_ServerListensAtBootWithoutAnyMessage()
    {
        using (var store = new SqliteTargetUrlStore(Path.Combine(DataDir, "servicebus.db")))
        {
            store.Add(Target);
        }

        var listening = ListeningProbe();
        StartBus();

        listening.ExpectMsg<ServiceBusServerListening>(Long);
    }

    [Fact]
    public void SqliteStore_ReopenedFile_KeepsUrlsAndRemoveReportsPresence()
    {
        var path = Path.Combine(DataDir, "urls.db");
        using (var store = new SqliteTargetUrlStore(path))
        {
            store.Add("http://a");
            store.Add("http://b");
            store.Add("http://a");
            Assert.True(store.Remove("http://b"));
            Assert.False(store.Remove("http://never"));
        }

        using var reopened = new SqliteTargetUrlStore(path);
        Assert.Equal(["http://a"], reopened.All());
    }

    private TestKit.TestProbe ListeningProbe()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(ServiceBusServerListening));
        return probe;
    }
}
