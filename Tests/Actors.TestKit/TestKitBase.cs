using System.Diagnostics;
using System.Threading.Channels;
using Actors.Kernel.Actor;
using Actors.TestKit.Internal;

namespace Actors.TestKit;

/// <summary>
/// The expectation machinery shared by <see cref="TestKit"/> and <see cref="TestProbe"/>: a test
/// actor whose messages land in a queue that Expect*/Receive* read with (dilated) deadlines.
/// Timeouts use real time; actor timers use the system's TimeProvider.
/// </summary>
public abstract partial class TestKitBase
{
    private readonly Channel<ReceivedMessage> _queue = Channel.CreateUnbounded<ReceivedMessage>();
    private readonly Stack<long> _deadlines = new();
    private int _probeCounter;
    private ActorSystem? _system;
    private IActorRef? _testActor;

    protected TestKitBase(TestKitSettings? settings = null) => TestKitSettings = settings ?? TestKitSettings.FromEnvironment();

    public TestKitSettings TestKitSettings { get; }

    /// <summary>The system under test.</summary>
    public ActorSystem Sys => _system ?? throw new InvalidOperationException("The test system is not initialised.");

    /// <summary>The actor whose received messages the Expect methods read.</summary>
    public IActorRef TestActor => _testActor ?? throw new InvalidOperationException("The test actor is not initialised.");

    /// <summary>Sender of the last received message.</summary>
    public IActorRef? LastSender { get; private set; }

    /// <summary>Default timeout outside <c>Within</c>: Dilated(3 s), else the time left in the block.</summary>
    public TimeSpan RemainingOrDefault => _deadlines.Count > 0 ? Remaining : Dilated(TestKitSettings.SingleExpectDefault);

    /// <summary>Time left in the innermost <c>Within</c>; throws outside one.</summary>
    public TimeSpan Remaining
    {
        get
        {
            if (_deadlines.Count == 0)
            {
                throw new InvalidOperationException("Remaining is only defined inside Within");
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _deadlines.Peek());
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public TimeSpan Dilated(TimeSpan duration) => TestKitSettings.Dilated(duration);

    /// <summary>The given duration dilated, or <see cref="RemainingOrDefault"/> when null.</summary>
    public TimeSpan RemainingOrDilated(TimeSpan? duration) => duration is { } d ? Dilated(d) : RemainingOrDefault;

    protected void InitializeTest(ActorSystem system, string testActorName)
    {
        _system = system;
        _testActor = new TestActorRef(system, system.NextTempPath().Parent!.Parent! / "system" / testActorName, _queue.Writer);
    }

    public IActorRef ActorOf(Props props, string? name = null) => Sys.ActorOf(props, name);

    public IActorRef ActorOf<TActor>(string? name = null)
        where TActor : ActorBase, new() => Sys.ActorOf(Props.Create<TActor>(), name);

    public IActorRef ActorOf<TActor>(Func<TActor> factory, string? name = null)
        where TActor : ActorBase => Sys.ActorOf(Props.Create(factory), name);

    public ActorSelection ActorSelection(string path) => Sys.ActorSelection(path);

    /// <summary>Creates a probe sharing this system.</summary>
    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, TestKitSettings, name ?? "testProbe-" + Interlocked.Increment(ref _probeCounter) + "-" + Guid.NewGuid().ToString("N")[..6]);

    /// <summary>Makes the test actor watch <paramref name="target"/> (needed before ExpectTerminated).</summary>
    public IActorRef Watch(IActorRef target)
    {
        ((TestActorRef)TestActor).Watch(target);
        return target;
    }

    public IActorRef Unwatch(IActorRef target)
    {
        ((TestActorRef)TestActor).Unwatch(target);
        return target;
    }

    /// <summary>Takes the next message, or null if none arrives within <paramref name="max"/>.</summary>
    public object? ReceiveOne(TimeSpan? max = null) => TryReceiveOne(out var m, max) ? m!.Message : null;

    /// <summary>Takes the next message with its sender; false on timeout.</summary>
    public bool TryReceiveOne(out ReceivedMessage? envelope, TimeSpan? max = null)
    {
        var timeout = RemainingOrDilated(max);
        if (_queue.Reader.TryRead(out envelope) || WaitAndRead(timeout, out envelope))
        {
            LastSender = envelope!.Sender;
            return true;
        }

        return false;
    }

    /// <summary>Async twin of <see cref="ReceiveOne"/>.</summary>
    public async Task<object?> ReceiveOneAsync(TimeSpan? max = null)
    {
        var timeout = RemainingOrDilated(max);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var m = await _queue.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
            LastSender = m.Sender;
            return m.Message;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>True if a message is queued now (does not take it).</summary>
    public bool HasMessages => _queue.Reader.Count > 0;

    private bool WaitAndRead(TimeSpan timeout, out ReceivedMessage? envelope)
    {
        envelope = null;
        if (timeout <= TimeSpan.Zero)
        {
            return false;
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (!_queue.Reader.TryRead(out envelope))
            {
                if (!_queue.Reader.WaitToReadAsync(cts.Token).AsTask().GetAwaiter().GetResult())
                {
                    return false;
                }
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static void Fail(string message) => Xunit.Assert.Fail(message);
}
