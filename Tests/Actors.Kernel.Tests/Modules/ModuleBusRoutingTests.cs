using Actors.Kernel.Modules;

namespace Actors.Kernel.Tests.Modules;

public sealed class ModuleBusRoutingTests : ModuleTestBase
{
    [Fact]
    public void Send_RegisteredModule_DeliveredToThatModuleOnly()
    {
        var bus = StartBus(new TestModule("a", "g", TestActor), new TestModule("b", "g", TestActor));
        ExpectMsgAllOf(new Started("a", 1), new Started("b", 1));
        var msg = BusMsg.Request("hello");
        bus.Send("a", msg);
        ExpectMsg(new Got("a", 1, msg));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void SendToGroup_TwoMembers_BothReceiveAndOtherGroupDoesNot()
    {
        var bus = StartBus(new TestModule("a", "g", TestActor), new TestModule("b", "g", TestActor), new TestModule("c", "other", TestActor));
        ExpectMsgAllOf(new Started("a", 1), new Started("b", 1), new Started("c", 1));
        var msg = BusMsg.Request("news");
        bus.SendToGroup("g", msg);
        ExpectMsgAllOf(new Got("a", 1, msg), new Got("b", 1, msg));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Send_DisabledModule_NotStartedAndDeliveryFails()
    {
        var failures = DeliveryFailures();
        var off = new TestModule("off", "g", TestActor) { Enabled = false };
        var byConfig = new TestModule("byconfig", "g", TestActor);
        var options = new ModuleHostOptions(BusMsg.Correlation) { Disabled = new HashSet<string> { "byconfig" } };
        var bus = StartBus(options, off, byConfig, new TestModule("on", "g", TestActor));
        ExpectMsg(new Started("on", 1));
        var msg = BusMsg.Request("x");
        bus.Send("off", msg);
        Assert.Equal(new ModuleDeliveryFailed("off", msg.Id, "module is disabled", msg), failures.ExpectMsg<ModuleDeliveryFailed>());
        bus.Send("byconfig", msg);
        Assert.Equal("module is disabled", failures.ExpectMsg<ModuleDeliveryFailed>().Reason);
        await Assert.ThrowsAsync<ModuleDeliveryException>(() => Completed(bus.SendSync("off", BusMsg.Request("ask"))));
        bus.SendToGroup("g", msg);
        ExpectMsg(new Got("on", 1, msg));
        Assert.Equal(0, off.Incarnations.Count);
        Assert.Equal(0, byConfig.Incarnations.Count);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Send_UnknownModuleOrGroup_DeliveryFailedLogged()
    {
        var failures = DeliveryFailures();
        var bus = StartBus(new TestModule("a", "g", TestActor));
        ExpectMsg(new Started("a", 1));
        var msg = BusMsg.Request("x");
        EventFilter.Warning(contains: "no such module").ExpectOne(() => bus.Send("nobody", msg));
        Assert.Equal("no such module", failures.ExpectMsg<ModuleDeliveryFailed>().Reason);
        bus.SendToGroup("nogroup", msg);
        Assert.Equal("group nogroup", failures.ExpectMsg<ModuleDeliveryFailed>().Target);
    }

    [Fact]
    public void Send_ModuleStoppedItself_DeliveryFailsAsStopped()
    {
        var failures = DeliveryFailures();
        var bus = StartBus(new TestModule("a", "g", TestActor));
        ExpectMsg(new Started("a", 1));
        bus.Send("a", BusMsg.Request("stop"));
        AwaitAssert(
            () =>
            {
                bus.Send("a", BusMsg.Request("after"));
                Assert.Equal("module is stopped", failures.ExpectMsg<ModuleDeliveryFailed>(TimeSpan.FromMilliseconds(300)).Reason);
            },
            Long);
    }

    [Fact]
    public void Send_ManyMessagesFromOneSender_ArriveInOrder()
    {
        var bus = StartBus(new TestModule("a", "g", TestActor));
        ExpectMsg(new Started("a", 1));
        var sent = Enumerable.Range(0, 1000).Select(i => BusMsg.Request("m" + i)).ToList();
        foreach (var msg in sent)
        {
            bus.Send("a", msg);
        }

        foreach (var msg in sent)
        {
            Assert.Equal(msg, ExpectMsg<Got>(Long).Message);
        }
    }

    [Fact]
    public void Start_DuplicateName_Rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => StartBus(new TestModule("a", "g", TestActor), new TestModule("a", "h", TestActor)));
        Assert.Contains("registered twice", error.Message, StringComparison.Ordinal);
    }
}
