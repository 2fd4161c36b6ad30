using System.Collections.Concurrent;
using Actors.Kernel.Actor;

namespace Actors.Kernel.Tests.Actor;

public sealed class CoordinatedShutdownTests : TestKit.TestKit
{
    [Fact]
    public async Task Run_Phases_RunInOrderThenSystemTerminates()
    {
        var order = new ConcurrentQueue<string>();
        var cs = CoordinatedShutdown.Get(Sys);
        cs.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "last", () => Record(order, "before-terminate"));
        cs.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "first", () => Record(order, "unbind"));
        cs.AddTask(CoordinatedShutdown.PhaseServiceStop, "middle", () => Record(order, "stop"));
        await cs.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["unbind", "stop", "before-terminate"], order.ToArray());
        Assert.True(Sys.WhenTerminated.IsCompleted);
        Assert.IsType<CoordinatedShutdown.UnknownReason>(cs.ShutdownReason);
    }

    [Fact]
    public async Task Run_TaskTimesOut_NextPhaseStillRuns()
    {
        var time = new TestKitTime();
        await using var sys = ActorSystem.Create("cs", new ActorSystemSettings
        {
            TimeProvider = time.Provider,
            CoordinatedShutdownPhaseTimeouts = new Dictionary<string, TimeSpan> { [CoordinatedShutdown.PhaseServiceUnbind] = TimeSpan.FromSeconds(1) },
        });
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cs = CoordinatedShutdown.Get(sys);
        cs.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "hangs", () => new TaskCompletionSource<Done>().Task);
        cs.AddTask(CoordinatedShutdown.PhaseServiceStop, "next", () =>
        {
            ran.TrySetResult();
            return Task.FromResult(Done.Instance);
        });
        var run = cs.Run(CoordinatedShutdown.UnknownReason.Instance);
        Assert.False(ran.Task.IsCompleted);
        AwaitAssert(() =>
        {
            time.Provider.Advance(TimeSpan.FromSeconds(1));
            Assert.True(ran.Task.IsCompleted);
        });
        await run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Run_CalledTwice_ReturnsSameTask()
    {
        var cs = CoordinatedShutdown.Get(Sys);
        var first = cs.Run(CoordinatedShutdown.UnknownReason.Instance);
        Assert.Same(first, cs.Run(CoordinatedShutdown.ClrExitReason.Instance));
        await first.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void AddTask_UnknownPhase_Throws() =>
        Assert.Throws<ArgumentException>(() => CoordinatedShutdown.Get(Sys).AddTask("no-such-phase", "t", () => Task.FromResult(Done.Instance)));

    [Fact]
    public void Settings_UnknownPhaseTimeout_ValidationNamesKey()
    {
        var errors = new ActorSystemSettings
        {
            CoordinatedShutdownPhaseTimeouts = new Dictionary<string, TimeSpan> { ["bogus"] = TimeSpan.FromSeconds(1) },
        }.Validate();
        Assert.Contains(errors, e => e.Contains("akka.coordinated-shutdown.phases.bogus", StringComparison.Ordinal));
    }

    private static Task<Done> Record(ConcurrentQueue<string> order, string name)
    {
        order.Enqueue(name);
        return Task.FromResult(Done.Instance);
    }
}
