using System.Text.Json;
using Actors.Edge.Host;
using Actors.Edge.Modules.DeviceTwin.Engine;
using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Edge.Modules.DeviceTwin;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.DeviceTwin;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Actors.TestKit.Modules;
using Actors.TestKit;

namespace Actors.Edge.Tests.DeviceTwin.Module;

/// <summary>
/// DeviceTwin on a real module bus with probe modules for EventBus (<c>eventbus</c>) and EdgeHub (<c>websocket</c>), a
/// SQLite store in a temporary file and a manual clock.
/// </summary>
public abstract class TwinModuleTestBase : TestKit.TestKit
{
    protected const string Node = "edge-node-1";
    protected const string Device = "default/thermo-01";

    private readonly TempDeviceDatabase _database = new();
    private int _hosts;

    protected TwinModuleTestBase()
        : this(new ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1722931700000)))
    {
    }

    private TwinModuleTestBase(ManualTimeProvider time)
        : base(new ActorSystemSettings { TimeProvider = time })
    {
        Time = time;
        EventBus = CreateTestProbe("eventbus");
        Cloud = CreateTestProbe("cloud");
    }

    protected ManualTimeProvider Time { get; }

    protected TestProbe EventBus { get; }

    protected TestProbe Cloud { get; }

    protected ModuleBus Bus { get; private set; } = null!;

    protected static TimeSpan Long => TimeSpan.FromSeconds(15);

    protected static DeviceTwinOptions Options => new(true, Node, "unused.db", TimeSpan.FromSeconds(60), 3);

    protected override void AfterAll()
    {
        base.AfterAll();
        _database.Dispose();
    }

    /// <summary>Starts a bus with DeviceTwin (on this test's database) and the two probe modules.</summary>
    protected ModuleBus Start(Func<ModuleContext, ITwinEngine>? engine = null)
    {
        var twin = new DeviceTwinModule(Options, () => new SqliteDeviceStore(_database.ConnectionString), engine);
        var options = new ModuleHostOptions(new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync))
        {
            ActorName = "modules" + ++_hosts,
        };
        Bus = ModuleHost.Start(
            Sys,
            [twin, new ProbeModule(ModuleNames.EventBus, Groups.Bus, EventBus.Ref), new ProbeModule(ModuleNames.EdgeHub, Groups.Hub, Cloud.Ref)],
            options);
        return Bus;
    }

    /// <summary>Stops the running bus (DeviceTwin closes its store) and waits until it is gone.</summary>
    protected void StopBus()
    {
        var watcher = CreateTestProbe();
        watcher.Watch(Bus.Ref);
        Sys.Stop(Bus.Ref);
        watcher.ExpectTerminated(Bus.Ref, Long);
    }

    /// <summary>Rows of the device database read on a separate connection.</summary>
    protected List<object?[]> Rows(string sql) => _database.Rows(sql);

    /// <summary>An app or mapper publishes on MQTT; EventBus forwards it to group twin.</summary>
    protected void FromMqtt(string topic, string payload) =>
        Bus.SendToGroup(Groups.Twin, new BusMessage(TwinMqttTranslator.FromMqtt(topic, payload, MessageHeader.New(Time))));

    /// <summary>A cloud message delivered to module twin.</summary>
    protected void FromCloud(MessageEnvelope envelope) => Bus.Send(ModuleNames.DeviceTwin, new BusMessage(envelope));

    protected void Connection(bool up)
    {
        var header = MessageHeader.New(Time);
        var envelope = up
            ? BusTranslator.ToEnvelope(new CloudConnected(Time.GetUtcNow()), Groups.Twin, header)
            : BusTranslator.ToEnvelope(new CloudDisconnected(Time.GetUtcNow(), "test"), Groups.Twin, header);
        Bus.SendToGroup(Groups.Twin, new BusMessage(envelope));
    }

    /// <summary>The cloud adds <see cref="Device"/> (with the given twin JSON) and the membership publication is awaited.</summary>
    protected void AddDevice(string twinJson = """{"setpoint":{"expected":{"value":"20"},"metadata":{"type":"int"},"optional":false}}""")
    {
        var device = new MembershipDevice(Device, "thermo-01", "lab sensor", null, MessageContent.FromJson(System.Text.Encoding.UTF8.GetBytes(twinJson)));
        FromCloud(TwinTranslator.ToEnvelope(new MembershipUpdated("m-1", 1, [device], []), MessageHeader.New(Time)));
        ExpectPublished($"$hw/events/node/{Node}/membership/updated");
    }

    /// <summary>Awaits DeviceTwin's publication on <paramref name="topic"/> (others are skipped) and returns its JSON.</summary>
    protected JsonElement ExpectPublished(string topic)
    {
        var message = EventBus.FishForMessage<BusMessage>(
            m => TwinMqttTranslator.TryParsePublish(m.Envelope, out var t, out _) && t == topic, Long, "publication on " + topic);
        Assert.True(TwinMqttTranslator.TryParsePublish(message.Envelope, out _, out var payload));
        return JsonDocument.Parse(payload).RootElement.Clone();
    }

    /// <summary>Awaits an envelope to the cloud whose resource ends with <paramref name="suffix"/>.</summary>
    protected MessageEnvelope ExpectCloud(string suffix) => Cloud.FishForMessage<BusMessage>(
        m => m.Envelope.Route.Resource.EndsWith(suffix, StringComparison.Ordinal), Long, "cloud message " + suffix).Envelope;

    /// <summary>The cloud's confirmation of <paramref name="request"/> (devicecontroller's answer).</summary>
    protected static MessageEnvelope Confirmation(MessageEnvelope request) => new(
        new MessageHeader(Guid.NewGuid().ToString(), request.Header.MsgId),
        new MessageRoute(ModuleNames.DeviceController, Groups.Twin, Operations.Response, ResourcePaths.Twin(Node)),
        MessageContent.FromString(WellKnownContent.Ok));
}
