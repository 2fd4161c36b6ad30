using System.Text;
using Actors.Messages.ServiceBus;

namespace Actors.Edge.Tests.ServiceBus;

/// <summary>REST → ServiceBus: the router's calls reach a real HTTP application on loopback.</summary>
public sealed class ServiceBusCallTests : ServiceBusTestBase
{
    [Fact]
    public async Task Call_ApplicationAnswers_StatusHeadersAndBodyGoToHub()
    {
        await using var app = await TestApplication.StartAsync();
        var bus = StartBus();
        var headers = new Dictionary<string, IReadOnlyList<string>> { ["X-Trace"] = ["t-1"], ["Content-Type"] = ["text/plain"] };
        var request = Request("post", app.Port + ":/echo", new ServiceBusHttpRequest(headers, Encoding.UTF8.GetBytes("hi")));

        bus.Send("servicebus", new Messages.Bus.BusMessage(request));

        var answer = ExpectAnswer(request);
        Assert.Equal(201, answer.StatusCode);
        Assert.Equal("echo:hi", Text(answer.Body));
        Assert.Equal(["POST"], answer.Header["X-Method"]);
        Assert.Equal(["t-1"], answer.Header["X-Trace"]);
    }

    [Fact]
    public void Call_NothingListening_404WithKubeEdgeServerHeader()
    {
        var bus = StartBus();
        var request = Request("GET", FreePort() + ":/nothing");

        bus.Send("servicebus", new Messages.Bus.BusMessage(request));

        var answer = ExpectAnswer(request);
        Assert.Equal(404, answer.StatusCode);
        Assert.Equal(["kubeedge-edgecore"], answer.Header["Server"]);
        Assert.StartsWith("error to call service", Text(answer.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ApplicationNeverAnswers_504AfterCallTimeout()
    {
        await using var app = await TestApplication.StartAsync();
        var bus = StartBus(Options() with { CallTimeout = TimeSpan.FromMilliseconds(500) });
        var request = Request("GET", app.Port + ":/hang");

        bus.Send("servicebus", new Messages.Bus.BusMessage(request));

        Assert.Equal(504, ExpectAnswer(request).StatusCode);
    }

    [Fact]
    public async Task Call_BodyOverLimit_500TooLarge()
    {
        await using var app = await TestApplication.StartAsync();
        var bus = StartBus(Options() with { MaxBodyBytes = 1024 });
        var request = Request("GET", app.Port + ":/large");

        bus.Send("servicebus", new Messages.Bus.BusMessage(request));

        var answer = ExpectAnswer(request);
        Assert.Equal(500, answer.StatusCode);
        Assert.Contains("response body too large", Text(answer.Body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "no-port-here")]
    [InlineData("POST", "70000:/x")]
    [InlineData("P O S T", "8080:/x")]
    public async Task Call_MalformedRequest_400ThenNextCallStillServed(string method, string resource)
    {
        await using var app = await TestApplication.StartAsync();
        var bus = StartBus();
        var bad = Request(method, resource);

        bus.Send("servicebus", new Messages.Bus.BusMessage(bad));

        Assert.Equal(400, ExpectAnswer(bad).StatusCode);
        var good = Request("POST", app.Port + ":echo");
        bus.Send("servicebus", new Messages.Bus.BusMessage(good));
        Assert.Equal(201, ExpectAnswer(good).StatusCode);
    }

    [Fact]
    public async Task Call_MoreThanMaxInFlight_ExtraCallAnswered503()
    {
        await using var app = await TestApplication.StartAsync();
        var bus = StartBus(Options() with { MaxInFlight = 1, CallTimeout = TimeSpan.FromSeconds(30) });
        var hanging = Request("GET", app.Port + ":/hang");
        var extra = Request("GET", app.Port + ":/echo");

        bus.Send("servicebus", new Messages.Bus.BusMessage(hanging));
        bus.Send("servicebus", new Messages.Bus.BusMessage(extra));

        var answer = ExpectAnswer(extra);
        Assert.Equal(503, answer.StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
