using Actors.Kernel.Actor;
using Actors.TestKit;
using Actors.TestKit.TestActors;
using Xunit.Sdk;

namespace Actors.Kernel.Tests.Testing;

public sealed class TestKitTests : Actors.TestKit.TestKit
{
    [Fact]
    public void ExpectMsg_WrongType_Fails()
    {
        TestActor.Tell(1);
        Assert.Throws<FailException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public void ExpectMsg_Nothing_FailsAfterTimeout()
    {
        Assert.Throws<FailException>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void ExpectNoMsg_MessageArrives_Fails()
    {
        TestActor.Tell("x");
        Assert.Throws<FailException>(() => ExpectNoMsg(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void ExpectMsgFrom_ChecksSender()
    {
        var echo = Sys.ActorOf(EchoActor.Props());
        echo.Tell("x");
        Assert.Equal("x", ExpectMsgFrom<string>(echo));
    }

    [Fact]
    public void ReceiveN_CollectsInOrder()
    {
        TestActor.Tell(1);
        TestActor.Tell(2);
        Assert.Equal(new object[] { 1, 2 }, ReceiveN(2));
    }

    [Fact]
    public void FishForMessage_SkipsNonMatching()
    {
        TestActor.Tell("a");
        TestActor.Tell("b");
        TestActor.Tell("c");
        Assert.Equal("c", FishForMessage<string>(s => s == "c"));
    }

    [Fact]
    public void Within_NestedExpect_UsesRemainingTime()
    {
        Within(TimeSpan.FromSeconds(2), () =>
        {
            Assert.True(RemainingOrDefault <= Dilated(TimeSpan.FromSeconds(2)));
            TestActor.Tell("x");
            ExpectMsg("x");
        });
    }

    [Fact]
    public void AwaitCondition_BecomesTrue_Returns()
    {
        var flag = 0;
        Task.Run(() => Interlocked.Exchange(ref flag, 1));
        AwaitCondition(() => Volatile.Read(ref flag) == 1);
    }

    [Fact]
    public void AwaitAssert_NeverPasses_RethrowsLastFailure()
    {
        Assert.ThrowsAny<Exception>(() => AwaitAssert(() => Assert.Equal(1, 2), TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public void TestProbe_SendAndReply_RoundTrips()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(EchoActor.Props());
        probe.Send(echo, "p");
        probe.ExpectMsg("p");
        probe.Reply("back");
        Assert.Equal(echo, probe.Sender);
    }

    [Fact]
    public void ManualTimeProvider_Advance_FiresTimersInDueOrder()
    {
        var time = new ManualTimeProvider();
        var fired = new List<int>();
        using var t2 = time.CreateTimer(_ => fired.Add(2), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var t1 = time.CreateTimer(_ => fired.Add(1), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal([1, 2], fired);
        Assert.Equal(TimeSpan.FromSeconds(3), time.GetUtcNow() - new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void TimeFactor_Setting_DilatesDurations()
    {
        var s = new TestKitSettings { TimeFactor = 2.5 };
        Assert.Equal(TimeSpan.FromSeconds(5), s.Dilated(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void EventFilter_WrongCount_Fails()
    {
        Assert.Throws<FailException>(() =>
            EventFilter.DeadLetter<string>().Expect(1, TimeSpan.FromMilliseconds(200), () => { }));
    }
}
