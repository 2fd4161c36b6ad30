using Actors.Kernel.Modules;

namespace Actors.Kernel.Tests.Modules;

public sealed class ModuleRestartTests : ModuleTestBase
{
    private static readonly ModuleRestartPolicy Policy = new() { MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(4) };

    [Fact]
    public void ModuleThrows_RestartedWithDoublingCappedBackoff_NewIncarnationGetsMessages()
    {
        var bus = StartBus(new TestModule("crash", "g", TestActor) { RestartPolicy = Policy });
        ExpectMsg(new Started("crash", 1));
        int[] delays = [1, 2, 4, 4];
        for (var i = 0; i < delays.Length; i++)
        {
            bus.Send("crash", BusMsg.Request("throw"));
            AwaitRestartScheduled("crash", i + 1);
            Time.Advance(TimeSpan.FromSeconds(delays[i]) - TimeSpan.FromMilliseconds(1));
            ExpectNoMsg(TimeSpan.FromMilliseconds(100));
            Time.Advance(TimeSpan.FromMilliseconds(1));
            ExpectMsg(new Started("crash", i + 2), Long);
        }

        var after = BusMsg.Request("after restart");
        bus.Send("crash", after);
        ExpectMsg(new Got("crash", delays.Length + 1, after));
    }

    [Fact]
    public void DefaultPolicy_RepeatedFailures_DelaysCappedAtThirtySeconds()
    {
        var bus = StartBus(new TestModule("crash", "g", TestActor));
        ExpectMsg(new Started("crash", 1));
        int[] delays = [1, 2, 4, 8, 16, 30, 30];
        for (var i = 0; i < delays.Length; i++)
        {
            bus.Send("crash", BusMsg.Request("throw"));
            AwaitRestartScheduled("crash", i + 1);
            Time.Advance(TimeSpan.FromSeconds(delays[i]) - TimeSpan.FromMilliseconds(1));
            ExpectNoMsg(TimeSpan.FromMilliseconds(50));
            Time.Advance(TimeSpan.FromMilliseconds(1));
            ExpectMsg(new Started("crash", i + 2), Long);
        }
    }

    [Fact]
    public void ModuleFailsInConstructor_RetriedWithBackoffUntilItStarts()
    {
        var fragile = new TestModule("fragile", "g", TestActor)
        {
            RestartPolicy = Policy,
            Incarnations = new Incarnations { FailConstructions = 2 },
        };
        var bus = StartBus(fragile);
        AwaitRestartScheduled("fragile", 1);
        Time.Advance(TimeSpan.FromSeconds(1));
        AwaitRestartScheduled("fragile", 2);
        Time.Advance(TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(1));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg(new Started("fragile", 3), Long);
        var msg = BusMsg.Request("hello");
        bus.Send("fragile", msg);
        ExpectMsg(new Got("fragile", 3, msg));
    }

    [Fact]
    public void ModuleExceedsMaxRestarts_StoppedAndDeliveryFails()
    {
        var failures = DeliveryFailures();
        var bus = StartBus(new TestModule("crash", "g", TestActor) { RestartPolicy = Policy with { MaxRestarts = 1 } });
        ExpectMsg(new Started("crash", 1));
        bus.Send("crash", BusMsg.Request("throw"));
        AwaitRestartScheduled("crash", 1);
        Time.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg(new Started("crash", 2), Long);
        bus.Send("crash", BusMsg.Request("throw"));
        AwaitAssert(
            () =>
            {
                bus.Send("crash", BusMsg.Request("after"));
                Assert.Equal("module is stopped", failures.ExpectMsg<ModuleDeliveryFailed>(TimeSpan.FromMilliseconds(300)).Reason);
            },
            Long);
    }
}
