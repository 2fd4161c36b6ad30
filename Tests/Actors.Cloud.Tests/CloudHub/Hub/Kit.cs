using Actors.Kernel.Actor;
using Actors.TestKit;

namespace Actors.Cloud.Tests.CloudHub.Hub;

/// <summary>A TestKit whose actor system runs on a manual clock and logs into a <see cref="LogCapture"/>.</summary>
public abstract class Kit : Actors.TestKit.TestKit
{
    protected Kit()
        : this(new ManualTimeProvider(), new LogCapture())
    {
    }

    private Kit(ManualTimeProvider time, LogCapture log)
        : base(new ActorSystemSettings { TimeProvider = time, LoggerFactory = log })
    {
        Time = time;
        Log = log;
    }

    public ManualTimeProvider Time { get; }

    internal LogCapture Log { get; }

    /// <summary>Polls <paramref name="condition"/> until it holds or the deadline passes.</summary>
    internal static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + HubHarness.Wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Yield();
            await Task.Delay(20);
        }
    }
}
