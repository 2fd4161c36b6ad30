using System.Text;
using Actors.Edge.Modules.MetaManager;
using Actors.Edge.Modules.MetaManager.Client;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Tests.MetaManager.Storage;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Actors.TestKit;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Tests.MetaManager.Module;

/// <summary>
/// One actor system per test on a manual clock: MetaManager on a SQLite file in a temp dir, probe modules for edged
/// (group edged) and edgehub (<c>websocket</c>, group hub), and a <see cref="MetaClient"/> over the bus.
/// </summary>
public abstract class MetaManagerTestBase : TestKit.TestKit
{
    private readonly TempDb _db = new();

    protected MetaManagerTestBase()
        : this(new ManualTimeProvider())
    {
    }

    private MetaManagerTestBase(ManualTimeProvider time)
        : base(new ActorSystemSettings { TimeProvider = time }) => Time = time;

    protected static TimeSpan Long => TimeSpan.FromSeconds(15);

    protected ManualTimeProvider Time { get; }

    protected string DatabasePath => _db.Path;

    internal TestProbe Edged { get; private set; } = null!;

    internal TestProbe Hub { get; private set; } = null!;

    internal ModuleBus Bus { get; private set; } = null!;

    internal MetaClient Client { get; private set; } = null!;

    /// <summary>The MetaServer's base URL once it listens (when started with a MetaServer endpoint).</summary>
    internal TaskCompletionSource<Uri> MetaServerUrl { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What the edgehub probe answers to a synchronous (remote) request; null = no answer.</summary>
    internal Func<MessageEnvelope, MessageEnvelope?>? CloudAnswers { get; set; }

    internal void Start(Func<ILogger, TimeProvider, IMetaStore>? openStore = null, System.Net.IPEndPoint? metaServer = null)
    {
        Edged = CreateTestProbe();
        Hub = CreateTestProbe();
        var settings = new MetaManagerSettings(_db.Path, new MetaStoreOptions(), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), metaServer)
        {
            OpenStore = openStore,
            MetaServerStarted = url => MetaServerUrl.TrySetResult(url),
        };
        var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
        Bus = ModuleHost.Start(Sys, [
            new MetaManagerModule(settings),
            new ProbeModule(ModuleNames.EdgeD, Groups.EdgeD, Edged.Ref),
            new ProbeModule(ModuleNames.EdgeHub, Groups.Hub, Hub.Ref, e => CloudAnswers?.Invoke(e)),
        ], new ModuleHostOptions(correlation));
        Client = new MetaClient(Bus, Time, TimeSpan.FromSeconds(30));
    }

    protected override void AfterAll() => _db.Dispose();

    internal static MessageEnvelope Cloud(string operation, string resource, string json, string source = ModuleNames.EdgeController) => new(
        new MessageHeader(Guid.NewGuid().ToString(), ResourceVersion: "1"),
        new MessageRoute(source, Groups.Resource, operation, resource),
        json.Length == 0 ? MessageContent.Null : MessageContent.FromJson(Encoding.UTF8.GetBytes(json)));

    internal void FromCloud(MessageEnvelope envelope) => Bus.SendToGroup(Groups.Meta, new BusMessage(envelope));

    internal void Connect() => Bus.SendToGroup(Groups.Meta, new BusMessage(
        BusTranslator.ToEnvelope(new CloudConnected(Time.GetUtcNow()), Groups.Meta, MessageHeader.New(Time))));

    internal void Disconnect() => Bus.SendToGroup(Groups.Meta, new BusMessage(
        BusTranslator.ToEnvelope(new CloudDisconnected(Time.GetUtcNow(), "test"), Groups.Meta, MessageHeader.New(Time))));

    /// <summary>The next envelope the hub probe got that answers <paramref name="cloudMessage"/> (its ACK or error).</summary>
    internal MessageEnvelope ExpectAnswerToCloud(MessageEnvelope cloudMessage) =>
        Hub.FishForMessage<Seen>(s => s.Envelope.Header.ParentMsgId == cloudMessage.Header.MsgId, Long).Envelope;

    internal static string Pod(string name, string uid, string image = "nginx", string rv = "1") =>
        $$$"""{"metadata":{"name":"{{{name}}}","namespace":"default","uid":"{{{uid}}}","resourceVersion":"{{{rv}}}"},"spec":{"containers":[{"name":"c","image":"{{{image}}}"}]}}""";

    /// <summary>Advances the manual clock a second at a time until the hub probe sees the answer to <paramref name="cloudMessage"/>.</summary>
    internal MessageEnvelope AdvanceUntilAnswered(MessageEnvelope cloudMessage)
    {
        for (var i = 0; i < 60; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            while (Hub.TryReceiveOne(out var m, TimeSpan.FromMilliseconds(200)))
            {
                if (m!.Message is Seen s && s.Envelope.Header.ParentMsgId == cloudMessage.Header.MsgId)
                {
                    return s.Envelope;
                }
            }
        }

        throw new Xunit.Sdk.XunitException("no answer to the cloud message after 60 s of manual time");
    }

    internal static async Task<T> Within<T>(Task<T> task) => await task.WaitAsync(Long);

    internal static async Task Within(Task task) => await task.WaitAsync(Long);
}
