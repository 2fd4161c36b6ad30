using System.Text;
using Actors.Edge.Host;
using Actors.Edge.Modules.ServiceBus;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.ServiceBus;
using Actors.Messages.Wire;
using Actors.TestKit.Modules;
using Actors.TestKit;

namespace Actors.Edge.Tests.ServiceBus;

/// <summary>A bus with the real ServiceBus module and a hub probe; a temp data dir per test.</summary>
public abstract class ServiceBusTestBase : TestKit.TestKit
{
    protected static readonly TimeSpan Long = TimeSpan.FromSeconds(20);
    private readonly TempConfig _dir = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });

    protected ServiceBusTestBase()
    {
        Hub = CreateTestProbe();
    }

    protected TestProbe Hub { get; }

    protected string DataDir => _dir.Dir;

    protected ModuleBus StartBus(ServiceBusOptions? options = null)
    {
        var module = new ServiceBusModule(options ?? Options(), _dir.Dir, _http);
        var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
        return ModuleHost.Start(Sys, [module, new ProbeModule(ModuleNames.EdgeHub, Groups.Hub, Hub.Ref)], new ModuleHostOptions(correlation));
    }

    protected static ServiceBusOptions Options() => new(true, "127.0.0.1:0", true) { CallTimeout = TimeSpan.FromSeconds(2) };

    protected static MessageEnvelope Request(string method, string resource, ServiceBusHttpRequest? request = null) => new(
        new MessageHeader(Guid.NewGuid().ToString()),
        new MessageRoute(ModuleNames.RouterServiceBus, Groups.User, method, resource),
        request is null ? MessageContent.Null : ServiceBusTranslator.RequestContent(request));

    /// <summary>The next answer the hub gets, checked to answer <paramref name="request"/>.</summary>
    protected ServiceBusHttpResponse ExpectAnswer(MessageEnvelope request)
    {
        var envelope = Hub.ExpectMsg<BusMessage>(Long).Envelope;
        Assert.Equal(request.Header.MsgId, envelope.Header.ParentMsgId);
        Assert.Equal(new MessageRoute(ModuleNames.ServiceBus, Groups.User, Operations.Upload, string.Empty), envelope.Route);
        return ServiceBusTranslator.ReadResponse(envelope.Content)!;
    }

    protected static string Text(ReadOnlyMemory<byte>? body) => Encoding.UTF8.GetString((body ?? ReadOnlyMemory<byte>.Empty).Span);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _http.Dispose();
            _dir.Dispose();
        }
    }
}
