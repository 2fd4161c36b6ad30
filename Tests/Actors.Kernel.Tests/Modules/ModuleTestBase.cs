using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Kernel.Pattern;
using Actors.TestKit;

namespace Actors.Kernel.Tests.Modules;

/// <summary>A fresh system per test on a manual clock, with helpers to start a bus and watch failed deliveries.</summary>
public abstract class ModuleTestBase : TestKit.TestKit
{
    protected ModuleTestBase()
        : this(new ManualTimeProvider())
    {
    }

    private ModuleTestBase(ManualTimeProvider time)
        : base(new ActorSystemSettings { TimeProvider = time }) => Time = time;

    protected ManualTimeProvider Time { get; }

    protected static TimeSpan Long => TimeSpan.FromSeconds(10);

    internal ModuleBus StartBus(params IModule[] modules) => StartBus(new ModuleHostOptions(BusMsg.Correlation), modules);

    internal ModuleBus StartBus(ModuleHostOptions options, params IModule[] modules) => ModuleHost.Start(Sys, modules, options);

    protected TestProbe DeliveryFailures()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(ModuleDeliveryFailed));
        return probe;
    }

    protected int RestartCount(string module)
    {
        var supervisor = Sys.ActorSelection("/user/modules/" + module).ResolveOne(Long).WaitAsync(Long).GetAwaiter().GetResult();
        var reply = supervisor.Ask<BackoffSupervisor.RestartCount>(BackoffSupervisor.GetRestartCount.Instance, Long);
        return reply.WaitAsync(Long).GetAwaiter().GetResult().Count;
    }

    /// <summary>How many messages the module's supervisor holds while the module is down.</summary>
    protected int BufferedCount(string module)
    {
        var supervisor = Sys.ActorSelection("/user/modules/" + module).ResolveOne(Long).WaitAsync(Long).GetAwaiter().GetResult();
        var reply = supervisor.Ask<BufferedCount>(new GetBufferedCount(), Long);
        return reply.WaitAsync(Long).GetAwaiter().GetResult().Count;
    }

    protected void AwaitRestartScheduled(string module, int count) =>
        AwaitAssert(() => Assert.Equal(count, RestartCount(module)), Long);

    /// <summary>Awaits a bus task with a real-time deadline (a hang fails the test instead of blocking it).</summary>
    protected static Task<T> Completed<T>(Task<T> task) => task.WaitAsync(Long);
}
