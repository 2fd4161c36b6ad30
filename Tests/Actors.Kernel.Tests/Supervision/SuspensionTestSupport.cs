using Actors.Kernel.Actor;

namespace Actors.Kernel.Tests.Supervision;

/// <summary>
/// A decider that blocks the supervisor until the test opens it, so a test can look at the
/// failed subtree while the decision is pending. It gives up (Stop) after 30 s so a broken test
/// cannot hang the run.
/// </summary>
internal sealed class GatedDecider : IDisposable
{
    private readonly SemaphoreSlim _gate = new(0);
    private int _directive = (int)Directive.Stop;
    private int _entries;

    /// <summary>How many times a supervisor asked for a decision so far.</summary>
    public int Entries => Volatile.Read(ref _entries);

    public OneForOneStrategy Strategy() => new(Decide);

    /// <summary>Lets one pending (or the next) decision through with <paramref name="directive"/>.</summary>
    public void Decide(Directive directive)
    {
        Volatile.Write(ref _directive, (int)directive);
        _gate.Release();
    }

    public void Dispose()
    {
        _gate.Release(10);
        _gate.Dispose();
    }

    private Directive Decide(Exception cause)
    {
        Interlocked.Increment(ref _entries);
        return _gate.Wait(TimeSpan.FromSeconds(30)) ? (Directive)Volatile.Read(ref _directive) : Directive.Stop;
    }
}

/// <summary>
/// Reports what it does to a probe as "name:event": start, stop, prerestart, restarted, any
/// other string it receives, and "count:N" for its counter. PreRestart either stops the children
/// (Akka's default) or keeps them.
/// </summary>
internal sealed class SuspendableNode : ReceiveActor
{
    private readonly IActorRef _probe;
    private readonly bool _keepChildren;
    private readonly string _name;
    private int _count;

    public SuspendableNode(IActorRef probe, bool keepChildren)
    {
        _probe = probe;
        _keepChildren = keepChildren;
        _name = Self.Path.Name;
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name)));
        Receive<string>(s => s == "throw", _ => throw new InvalidOperationException("boom from " + _name));
        Receive<string>(s => s == "count", _ => Report("count:" + ++_count));
        Receive<string>(Report);
    }

    public static Props Props(IActorRef probe, bool keepChildren = false) =>
        Kernel.Actor.Props.Create(() => new SuspendableNode(probe, keepChildren));

    protected override void PreStart() => Report("start");

    protected override void PostStop() => Report("stop");

    protected override void PreRestart(Exception reason, object? message)
    {
        Report("prerestart");
        if (!_keepChildren)
        {
            base.PreRestart(reason, message);
        }
    }

    protected override void PostRestart(Exception reason) => Report("restarted");

    private void Report(string what) => _probe.Tell(_name + ":" + what);
}
