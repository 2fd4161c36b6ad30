using Actors.Edge.Tests.EdgeHub.Support;
using Actors.Kernel.Diagnostics;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Xunit.Abstractions;

namespace Actors.Edge.Tests.EdgeHub;

/// <summary>EdgeHub's metrics follow the link, the frames both ways and the outbox.</summary>
public sealed class EdgeHubMetricsTests(ITestOutputHelper output) : EdgeHubTestBase(output)
{
    [Fact]
    public async Task Metrics_LinkAndTraffic_Counted()
    {
        var bus = StartEdge(Settings());
        var connection = await Stub.NextConnectionAsync(Io);
        ExpectLink(Meta, WellKnownContent.CloudConnected);
        Assert.Equal(1, Value("edgeactors_edgehub_connected"));
        Assert.Equal(1, Value("edgeactors_edgehub_connects_total"));

        var patch = Envelope(ModuleNames.EdgeD, Groups.Meta, Operations.Patch, "default/podpatch/nginx", "[]");
        bus.Send(ModuleNames.EdgeHub, new BusMessage(patch));
        await connection.ExpectAsync(e => e.Header.MsgId == patch.Header.MsgId, Io);
        AwaitCondition(() => Value("edgeactors_edgehub_messages_total", "out") == 1 && Value("edgeactors_edgehub_outbox_messages") == 0, Io);

        var publish = Envelope(ModuleNames.RouterEventBus, Groups.User, "publish", "topic/a", "hello");
        await connection.SendAsync(publish);
        Bus.FishForMessage<BusMessage>(m => m.Envelope.Header.MsgId == publish.Header.MsgId, Io);
        Assert.Equal(1, Value("edgeactors_edgehub_messages_total", "in"));
    }

    private double Value(string family, params string[] labels) =>
        MetricsRegistry.Get(Sys).Families.Single(f => f.Name == family).Collect().Single(s => s.LabelValues.SequenceEqual(labels)).Value;
}
