using Actors.Kernel.Actor;
using Actors.Kernel.Modules;

namespace Actors.Kernel.Tests.Modules;

/// <summary>Messages sent while a module is between incarnations wait for the next one (beehive keeps its channel).</summary>
public sealed class ModuleRestartBufferTests : ModuleTestBase
{
    private static readonly ModuleRestartPolicy Policy = new() { MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(4) };

    [Fact]
    public void ModuleDown_MessagesMeanwhile_ReachNewIncarnationInOrderWithTheirSenders()
    {
        var bus = StartBus(new TestModule("crash", "g", TestActor) { RestartPolicy = Policy });
        ExpectMsg(new Started("crash", 1));
        var probeA = CreateTestProbe();
        var probeB = CreateTestProbe();
        var a = Sys.ActorOf(Props.Create(() => new BusClientActor(bus, probeA.Ref)), "a");
        var b = Sys.ActorOf(Props.Create(() => new BusClientActor(bus, probeB.Ref)), "b");
        bus.Send("crash", BusMsg.Request("throw"));
        AwaitRestartScheduled("crash", 1);

        BusMsg[] fromA = [BusMsg.Request("reply a1"), BusMsg.Request("reply a2"), BusMsg.Request("reply a3")];
        BusMsg[] fromB = [BusMsg.Request("reply b1"), BusMsg.Request("reply b2")];
        a.Tell(new SendVia("crash", fromA[0]));
        b.Tell(new SendVia("crash", fromB[0]));
        a.Tell(new SendVia("crash", fromA[1]));
        b.Tell(new SendVia("crash", fromB[1]));
        a.Tell(new SendVia("crash", fromA[2]));
        AwaitAssert(() => Assert.Equal(5, BufferedCount("crash")), Long);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));

        Time.Advance(TimeSpan.FromSeconds(1));
        var after = BusMsg.Request("reply a-after");
        a.Tell(new SendVia("crash", after));

        ExpectMsg(new Started("crash", 2), Long);
        var got = Enumerable.Range(0, 6).Select(_ => ExpectMsg<Got>(Long)).ToList();
        Assert.All(got, g => Assert.Equal(2, g.Incarnation));
        Assert.Equal(after, got[5].Message);
        Assert.Equal([.. fromA, after], got.Select(g => g.Message).Where(m => m.Body.StartsWith("reply a", StringComparison.Ordinal)));
        Assert.Equal(fromB, got.Select(g => g.Message).Where(m => m.Body.StartsWith("reply b", StringComparison.Ordinal)));
        foreach (var m in fromA.Append(after))
        {
            Assert.Equal(new Got("crash", 2, m), probeA.ExpectMsg<Got>(Long));
        }

        foreach (var m in fromB)
        {
            Assert.Equal(new Got("crash", 2, m), probeB.ExpectMsg<Got>(Long));
        }

        probeB.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task SendSync_DuringBackoff_AnsweredAfterTheRestart()
    {
        var bus = StartBus(new TestModule("crash", "g", TestActor) { RestartPolicy = Policy });
        ExpectMsg(new Started("crash", 1));
        bus.Send("crash", BusMsg.Request("throw"));
        AwaitRestartScheduled("crash", 1);

        var request = BusMsg.Request("ask during backoff");
        var reply = bus.SendSync("crash", request, TimeSpan.FromSeconds(10));
        AwaitAssert(() => Assert.Equal(1, BufferedCount("crash")), Long);
        Assert.False(reply.IsCompleted);

        Time.Advance(TimeSpan.FromSeconds(1));
        var response = (BusMsg)await Completed(reply);
        Assert.Equal(request.Id, response.ParentId);
        Assert.Equal("crash:ask during backoff", response.Body);
        ExpectMsg(new Started("crash", 2), Long);
        ExpectMsg(new Got("crash", 2, request), Long);
    }

    [Fact]
    public void BufferFull_NewestMessageDeadLetteredAndReported_BufferedOnesDelivered()
    {
        var failures = DeliveryFailures();
        var options = new ModuleHostOptions(BusMsg.Correlation) { RestartBufferCapacity = 2 };
        var bus = StartBus(options, new TestModule("crash", "g", TestActor) { RestartPolicy = Policy });
        ExpectMsg(new Started("crash", 1));
        bus.Send("crash", BusMsg.Request("throw"));
        AwaitRestartScheduled("crash", 1);
        var first = BusMsg.Request("first");
        var second = BusMsg.Request("second");
        bus.Send("crash", first);
        bus.Send("crash", second);
        AwaitAssert(() => Assert.Equal(2, BufferedCount("crash")), Long);

        var third = BusMsg.Request("third");
        EventFilter.Warning(contains: "restart buffer is full").ExpectOne(
            Long,
            () => EventFilter.DeadLetter<BusMsg>(m => m == third).ExpectOne(Long, () => bus.Send("crash", third)));
        var failed = failures.ExpectMsg<ModuleDeliveryFailed>(Long);
        Assert.Equal(("crash", third.Id, "restart buffer full"), (failed.Target, failed.MsgId, failed.Reason));
        Assert.Equal(2, BufferedCount("crash"));

        Time.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg(new Started("crash", 2), Long);
        ExpectMsg(new Got("crash", 2, first), Long);
        ExpectMsg(new Got("crash", 2, second), Long);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void BufferCapacityBelowOne_StartRejected(int capacity)
    {
        var options = new ModuleHostOptions(BusMsg.Correlation) { RestartBufferCapacity = capacity };
        var error = Assert.Throws<ArgumentException>(() => StartBus(options, new TestModule("a", "g", TestActor)));
        Assert.Contains("RestartBufferCapacity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModuleGivenUp_BufferedMessagesDeadLetteredWithWarning()
    {
        var fragile = new TestModule("fragile", "g", TestActor)
        {
            RestartPolicy = Policy with { MaxRestarts = 1 },
            Incarnations = new Incarnations { FailConstructions = 2 },
        };
        var bus = StartBus(fragile);
        AwaitRestartScheduled("fragile", 1);
        BusMsg[] meanwhile = [BusMsg.Request("m1"), BusMsg.Request("m2")];
        foreach (var m in meanwhile)
        {
            bus.Send("fragile", m);
        }

        AwaitAssert(() => Assert.Equal(2, BufferedCount("fragile")), Long);
        EventFilter.Warning(contains: "2 buffered messages go to dead letters").ExpectOne(
            Long,
            () => EventFilter.DeadLetter<BusMsg>(m => meanwhile.Contains(m)).Expect(2, Long, () => Time.Advance(TimeSpan.FromSeconds(1))));
        Assert.Equal(2, fragile.Incarnations.Count);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }
}
