using Actors.Kernel.Actor;
using Actors.Kernel.Pattern;
using Actors.TestKit;

namespace Actors.Kernel.Tests.Pattern;

public sealed class BackoffSupervisorTests : TestKit.TestKit
{
    private readonly ManualTimeProvider _time;

    public BackoffSupervisorTests()
        : this(new ManualTimeProvider())
    {
    }

    private BackoffSupervisorTests(ManualTimeProvider time)
        : base(new ActorSystemSettings { TimeProvider = time }) => _time = time;

    private IActorRef CurrentChild(IActorRef sup)
    {
        sup.Tell(BackoffSupervisor.GetCurrentChild.Instance);
        return ExpectMsg<BackoffSupervisor.CurrentChild>().Ref!;
    }

    private int Restarts(IActorRef sup)
    {
        sup.Tell(BackoffSupervisor.GetRestartCount.Instance);
        return ExpectMsg<BackoffSupervisor.RestartCount>().Count;
    }

    [Fact]
    public void OnStop_ChildStops_RecreatedAfterMinBackoff()
    {
        var sup = Sys.ActorOf(BackoffSupervisor.Props(Reporter.Props(TestActor), "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0));
        var first = CurrentChild(sup);
        Watch(first);
        first.Tell(PoisonPill.Instance);
        ExpectTerminated(first);
        AwaitAssert(() => Assert.Equal(1, Restarts(sup)));
        Assert.Null(ReceiveChildWhileDown(sup));
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Null(ReceiveChildWhileDown(sup));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        AwaitAssert(() => Assert.NotNull(ReceiveChildWhileDown(sup)));
        sup.Tell("hello");
        ExpectMsg("reporter:hello");
    }

    [Fact]
    public void OnStop_RepeatedStops_DelayDoublesUpToMax()
    {
        var sup = Sys.ActorOf(BackoffSupervisor.Props(Reporter.Props(TestActor), "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), 0));
        var expected = new[] { 1, 2, 3, 3 };
        foreach (var seconds in expected)
        {
            var child = CurrentChild(sup);
            Watch(child);
            child.Tell(PoisonPill.Instance);
            ExpectTerminated(child);
            AwaitAssert(() => Assert.Null(ReceiveChildWhileDown(sup)));
            _time.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
            Assert.Null(ReceiveChildWhileDown(sup));
            _time.Advance(TimeSpan.FromMilliseconds(1));
            AwaitAssert(() => Assert.NotNull(ReceiveChildWhileDown(sup)));
        }
    }

    [Fact]
    public void OnFailure_ChildThrows_RestartedAfterBackoff()
    {
        var options = Backoff.OnFailure(Reporter.Props(TestActor), "c", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10), 0);
        var sup = Sys.ActorOf(options.Props);
        var child = CurrentChild(sup);
        Watch(child);
        child.Tell("throw");
        ExpectTerminated(child);
        AwaitAssert(() => Assert.Equal(1, Restarts(sup)));
        _time.Advance(TimeSpan.FromSeconds(2));
        AwaitAssert(() => Assert.NotNull(ReceiveChildWhileDown(sup)));
    }

    [Fact]
    public void MaxNrOfRetries_Exceeded_SupervisorStops()
    {
        var sup = Sys.ActorOf(BackoffSupervisor.Props(Reporter.Props(TestActor), "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0, maxNrOfRetries: 1));
        Watch(sup);
        var child = CurrentChild(sup);
        child.Tell(PoisonPill.Instance);
        AwaitAssert(() => Assert.Equal(1, Restarts(sup)));
        _time.Advance(TimeSpan.FromSeconds(1));
        AwaitAssert(() => Assert.NotNull(ReceiveChildWhileDown(sup)));
        CurrentChild(sup).Tell(PoisonPill.Instance);
        FishForMessage<Terminated>(t => t.ActorRef.Equals(sup));
    }

    [Fact]
    public void AutoReset_StableRunning_CountResets()
    {
        var options = Backoff.OnStop(Reporter.Props(TestActor), "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), 0)
            .WithAutoReset(TimeSpan.FromSeconds(5));
        var sup = Sys.ActorOf(options.Props);
        CurrentChild(sup).Tell(PoisonPill.Instance);
        AwaitAssert(() => Assert.Equal(1, Restarts(sup)));
        _time.Advance(TimeSpan.FromSeconds(1));
        AwaitAssert(() => Assert.NotNull(ReceiveChildWhileDown(sup)));
        _time.Advance(TimeSpan.FromSeconds(5));
        AwaitAssert(() => Assert.Equal(0, Restarts(sup)));
    }

    [Fact]
    public void ReplyWhileStopped_ChildDown_SenderGetsReply()
    {
        var options = Backoff.OnStop(Reporter.Props(TestActor), "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 0)
            .WithReplyWhileStopped("down");
        var sup = Sys.ActorOf(options.Props);
        CurrentChild(sup).Tell(PoisonPill.Instance);
        AwaitAssert(() => Assert.Equal(1, Restarts(sup)));
        sup.Tell("anything");
        ExpectMsg("down");
    }

    [Theory]
    [InlineData(0, 0.0, 0.0, 1.0)]
    [InlineData(1, 0.0, 0.0, 2.0)]
    [InlineData(5, 0.0, 0.0, 10.0)]
    [InlineData(0, 0.5, 1.0, 1.5)]
    [InlineData(100, 0.2, 0.5, 11.0)]
    public void CalculateDelay_Formula_MatchesAkka(int n, double factor, double random, double expectedSeconds) =>
        Assert.Equal(expectedSeconds, BackoffOptions.CalculateDelay(n, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), factor, random).TotalSeconds, 6);

    private IActorRef? ReceiveChildWhileDown(IActorRef sup)
    {
        sup.Tell(BackoffSupervisor.GetCurrentChild.Instance);
        return ExpectMsg<BackoffSupervisor.CurrentChild>().Ref;
    }
}
