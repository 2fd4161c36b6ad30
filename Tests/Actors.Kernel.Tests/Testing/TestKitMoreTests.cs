using Actors.Kernel.Actor;
using Xunit.Sdk;

namespace Actors.Kernel.Tests.Testing;

public sealed class TestKitMoreTests : Actors.TestKit.TestKit
{
    [Fact]
    public void ExpectMsgAllOf_AnyOrder_Passes()
    {
        TestActor.Tell(2);
        TestActor.Tell(1);
        Assert.Equal(2, ExpectMsgAllOf(1, 2).Count);
    }

    [Fact]
    public void ReceiveWhile_StopsAtFirstNonMatching()
    {
        TestActor.Tell("a");
        TestActor.Tell("b");
        TestActor.Tell(3);
        var got = ReceiveWhile(m => m as string, TimeSpan.FromSeconds(1));
        Assert.Equal(["a", "b"], got);
        ExpectMsg(3);
    }

    [Fact]
    public void Within_BlockFasterThanMin_Fails()
    {
        Assert.Throws<FailException>(() => Within(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), () => { }));
    }

    [Fact]
    public void ExpectTerminated_WithoutTermination_Fails()
    {
        var a = Sys.ActorOf(Actors.TestKit.TestActors.BlackHoleActor.Props());
        Watch(a);
        Assert.Throws<FailException>(() => ExpectTerminated(a, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void CoordinatedShutdownSignals_RegisterAndDispose_DoesNotThrow()
    {
        using var registration = CoordinatedShutdownSignals.Register(Sys);
        Assert.NotNull(registration);
    }
}
