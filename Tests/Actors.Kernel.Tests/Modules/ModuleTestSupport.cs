using Actors.Kernel.Actor;
using Actors.Kernel.Modules;

namespace Actors.Kernel.Tests.Modules;

/// <summary>A bus test message: its own id, the id it answers (empty for requests), and a body.</summary>
internal sealed record BusMsg(string Id, string ParentId, string Body)
{
    public static BusMsg Request(string body) => new(Guid.NewGuid().ToString(), string.Empty, body);

    public static ModuleCorrelation Correlation { get; } = new(
        m => (m as BusMsg)?.Id,
        m => (m as BusMsg)?.ParentId);
}

/// <summary>What a test module's actor reports to the probe: which module, which incarnation, what it got.</summary>
internal sealed record Got(string Module, int Incarnation, BusMsg Message);

internal sealed record Started(string Module, int Incarnation);

/// <summary>Counts constructions of a module's actor; the first <see cref="FailConstructions"/> throw.</summary>
internal sealed class Incarnations
{
    private int _count;

    public int FailConstructions { get; init; }

    public int Next() => Interlocked.Increment(ref _count);

    public int Count => Volatile.Read(ref _count);
}

/// <summary>A module whose actor reports to a probe and answers "ask" requests through the bus.</summary>
internal sealed class TestModule(string name, string group, IActorRef probe) : IModule
{
    public string Name { get; } = name;

    public string Group { get; } = group;

    public bool Enabled { get; init; } = true;

    public bool Answer { get; init; } = true;

    public Incarnations Incarnations { get; init; } = new();

    public ModuleRestartPolicy RestartPolicy { get; init; } = ModuleRestartPolicy.Default;

    /// <summary>What a "block" message waits for (at most 30 s) before it is handled like any other.</summary>
    public ManualResetEventSlim? Gate { get; init; }

    public Props CreateProps(ModuleContext context) =>
        Props.Create(() => new TestModuleActor(context, probe, Incarnations, Answer) { Gate = Gate });
}

/// <summary>
/// Bodies: "ask" → response through the bus; "reply" → <see cref="Got"/> also to the message's sender; "throw" → fails;
/// "stop" → stops itself; "block" → waits for the module's gate, then reported; others → reported.
/// </summary>
internal sealed class TestModuleActor : ActorBase
{
    private readonly ModuleContext _context;
    private readonly IActorRef _probe;
    private readonly bool _answer;
    private readonly int _incarnation;

    public ManualResetEventSlim? Gate { get; init; }

    public TestModuleActor(ModuleContext context, IActorRef probe, Incarnations incarnations, bool answer)
    {
        _context = context;
        _probe = probe;
        _answer = answer;
        _incarnation = incarnations.Next();
        if (_incarnation <= incarnations.FailConstructions)
        {
            throw new InvalidOperationException("constructor failure " + _incarnation);
        }

        probe.Tell(new Started(context.Name, _incarnation), ActorRefs.NoSender);
    }

    protected override bool Receive(object message)
    {
        if (message is not BusMsg msg)
        {
            return false;
        }

        switch (msg.Body)
        {
            case "throw":
                throw new InvalidOperationException("module failure");
            case "stop":
                Context.Stop(Self);
                return true;
            case "block":
                Gate?.Wait(TimeSpan.FromSeconds(30));
                break;
        }

        // Answer first, then report: a test that saw the report knows the answer is already queued at the bus.
        if (_answer && msg.Body.StartsWith("ask", StringComparison.Ordinal))
        {
            _context.Bus.SendResponse(new BusMsg(Guid.NewGuid().ToString(), msg.Id, _context.Name + ":" + msg.Body));
        }

        if (msg.Body.StartsWith("reply", StringComparison.Ordinal))
        {
            Sender.Tell(new Got(_context.Name, _incarnation, msg), Self);
        }

        _probe.Tell(new Got(_context.Name, _incarnation, msg), ActorRefs.NoSender);

        return true;
    }
}
