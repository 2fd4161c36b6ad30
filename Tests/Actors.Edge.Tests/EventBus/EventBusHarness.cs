using System.Globalization;
using Actors.Edge.Host;
using Actors.Edge.Modules.EventBus.Module;
using Actors.Edge.Tests.Mqtt.Support;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Actors.TestKit;

namespace Actors.Edge.Tests.EventBus;

/// <summary>
/// The eventbus module on a real module bus, with probe modules in groups <c>twin</c> and <c>hub</c>, and helpers to
/// drive mosquitto_pub / mosquitto_sub against a broker port.
/// </summary>
internal sealed class EventBusHarness
{
    private EventBusHarness(ModuleBus bus, TestProbe twin, TestProbe hub)
    {
        Bus = bus;
        Twin = twin;
        Hub = hub;
    }

    public ModuleBus Bus { get; }

    public TestProbe Twin { get; }

    public TestProbe Hub { get; }

    /// <summary>Starts the bus and waits until every link of <paramref name="options"/>' mode connected and subscribed.</summary>
    public static EventBusHarness Start(Actors.TestKit.TestKit kit, EventBusOptions options)
    {
        var ready = kit.CreateTestProbe("ready");
        kit.Sys.EventStream.Subscribe(ready.Ref, typeof(EventBusLinkReady));
        var twin = kit.CreateTestProbe("twin");
        var hub = kit.CreateTestProbe("hub");
        var modules = new IModule[]
        {
            new EventBusModule(options),
            new ProbeModule("twin-probe", Groups.Twin, twin.Ref),
            new ProbeModule("hub-probe", Groups.Hub, hub.Ref),
        };
        var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
        var bus = ModuleHost.Start(kit.Sys, modules, new ModuleHostOptions(correlation));
        var links = options.Mode == "both" ? 2 : 1;
        for (var i = 0; i < links; i++)
        {
            ready.ExpectMsg<EventBusLinkReady>(TimeSpan.FromSeconds(30), "eventbus links to connect and subscribe");
        }

        return new EventBusHarness(bus, twin, hub);
    }

    public static EventBusOptions Options(string mode, int internalPort, int externalPort) => new(
        true,
        mode,
        "tcp://127.0.0.1:" + internalPort.ToString(CultureInfo.InvariantCulture),
        "tcp://127.0.0.1:" + externalPort.ToString(CultureInfo.InvariantCulture));

    /// <summary>Delivers an envelope to module eventbus as another module would.</summary>
    public void SendToEventBus(MessageEnvelope envelope) => Bus.Send(ModuleNames.EventBus, new BusMessage(envelope));

    public static BusMessage ExpectEnvelope(TestProbe probe, Predicate<MessageEnvelope> match, string hint) =>
        probe.FishForMessage<BusMessage>(m => match(m.Envelope), TimeSpan.FromSeconds(20), hint);

    /// <summary>mosquitto_pub -q 1 (waits for it to finish).</summary>
    public static async Task MosquittoPubAsync(int port, string topic, string message)
    {
        using var pub = ExternalProcess.Start("mosquitto_pub", "-h", "127.0.0.1", "-p", Port(port), "-t", topic, "-m", message, "-q", "1");
        Assert.Equal(0, await pub.WaitForExitAsync(TimeSpan.FromSeconds(20)));
    }

    /// <summary>mosquitto_sub -v for one message on <paramref name="topic"/>, returned once its SUBACK arrived.</summary>
    public static async Task<ExternalProcess> MosquittoSubAsync(int port, string topic, int count = 1)
    {
        var sub = ExternalProcess.StartLineBuffered("mosquitto_sub", "-h", "127.0.0.1", "-p", Port(port), "-t", topic, "-q", "1", "-v", "-d", "-C", count.ToString(CultureInfo.InvariantCulture));
        await sub.WaitForLineAsync(l => l.Contains("SUBACK", StringComparison.Ordinal), "mosquitto_sub's SUBACK", TimeSpan.FromSeconds(20));
        return sub;
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
