using Actors.Kernel.Diagnostics;
using Actors.Kernel.Modules;

namespace Actors.Kernel.Tests.Modules;

public sealed class ModuleVitalsTests : ModuleTestBase
{
    private static readonly ModuleRestartPolicy Policy = new() { MinBackoff = TimeSpan.FromSeconds(1), MaxBackoff = TimeSpan.FromSeconds(4) };

    [Fact]
    public void ModuleRunning_ReadyAndUp_FailureMakesItNotReadyUntilRestarted()
    {
        var health = HealthRegistry.Get(Sys);
        var metrics = MetricsRegistry.Get(Sys);
        var bus = StartBus(new TestModule("crash", "g", TestActor) { RestartPolicy = Policy });
        ExpectMsg(new Started("crash", 1));
        AwaitCondition(() => health.IsReady, Long);
        Assert.Equal(1, metrics.Gauge("edgeactors_module_up", "1 while the module's current incarnation runs, 0 while it is down.", "module").WithLabels("crash").Value);

        bus.Send("crash", BusMsg.Request("throw"));
        AwaitRestartScheduled("crash", 1);

        Assert.False(health.IsReady);
        Assert.Contains(health.Entries, e => e.Component == "module/crash" && !e.Ready && e.Detail.Contains("restarting", StringComparison.Ordinal));
        Assert.Equal(1, metrics.Counter("edgeactors_module_restarts_total", "Restarts of a module after a failure.", "module").WithLabels("crash").Value);
        Time.Advance(TimeSpan.FromSeconds(1));
        ExpectMsg(new Started("crash", 2), Long);
        AwaitCondition(() => health.IsReady, Long);
    }

    [Fact]
    public void BusDelivery_CountedPerModule()
    {
        var bus = StartBus(new TestModule("m", "g", TestActor));
        ExpectMsg(new Started("m", 1));
        var msg = BusMsg.Request("hello");

        bus.Send("m", msg);
        ExpectMsg(new Got("m", 1, msg));

        var messages = MetricsRegistry.Get(Sys).Counter("edgeactors_module_messages_total", "Messages the bus delivered to a module.", "module");
        Assert.True(messages.WithLabels("m").Value >= 1);
    }

    [Fact]
    public void MailboxGauge_ModuleBusy_CountsWaitingMessages()
    {
        using var gate = new ManualResetEventSlim(false);
        var bus = StartBus(new TestModule("busy", "g", TestActor) { Gate = gate });
        ExpectMsg(new Started("busy", 1));

        bus.Send("busy", BusMsg.Request("block"));
        for (var i = 0; i < 5; i++)
        {
            bus.Send("busy", BusMsg.Request("m" + i));
        }

        AwaitCondition(() => MailboxSample("busy") == 5, Long);
        gate.Set();
        ReceiveN(6, Long);
        AwaitCondition(() => MailboxSample("busy") == 0, Long);
    }

    private double MailboxSample(string module) =>
        MetricsRegistry.Get(Sys).Families.Single(f => f.Name == "edgeactors_module_mailbox_messages").Collect()
            .Single(s => s.LabelValues[0] == module).Value;
}
