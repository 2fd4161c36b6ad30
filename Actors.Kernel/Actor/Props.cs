namespace Actors.Kernel.Actor;

/// <summary>
/// Immutable recipe for creating an actor: a factory delegate (called for every start and
/// restart, so it must return a fresh instance) plus deployment options.
/// </summary>
public sealed record Props
{
    private Props(Func<ActorBase> factory, Type actorType)
    {
        Factory = factory;
        ActorType = actorType;
    }

    /// <summary>Produces a fresh actor instance.</summary>
    public Func<ActorBase> Factory { get; init; }

    public Type ActorType { get; init; }

    /// <summary>Strategy for the created actor's children (used unless the actor overrides SupervisorStrategy()).</summary>
    public SupervisorStrategy? SupervisorStrategy { get; init; }

    /// <summary>Mailbox capacity; 0 or less means unbounded, null means the system default.</summary>
    public int? MailboxCapacity { get; init; }

    /// <summary>Messages processed per mailbox run; null means the system default.</summary>
    public int? Throughput { get; init; }

    /// <summary>Creates Props from a factory, e.g. <c>Props.Create(() =&gt; new MyActor(dep))</c>.</summary>
    public static Props Create<TActor>(Func<TActor> factory, SupervisorStrategy? supervisorStrategy = null)
        where TActor : ActorBase =>
        new(factory, typeof(TActor)) { SupervisorStrategy = supervisorStrategy };

    /// <summary>Creates Props for an actor with a public parameterless constructor.</summary>
    public static Props Create<TActor>()
        where TActor : ActorBase, new() => new(static () => new TActor(), typeof(TActor));

    public Props WithSupervisorStrategy(SupervisorStrategy strategy) => this with { SupervisorStrategy = strategy };

    /// <summary>Uses a bounded mailbox: messages beyond <paramref name="capacity"/> go to dead letters.</summary>
    public Props WithBoundedMailbox(int capacity) =>
        capacity > 0 ? this with { MailboxCapacity = capacity } : throw new ArgumentOutOfRangeException(nameof(capacity));

    public Props WithThroughput(int throughput) =>
        throughput > 0 ? this with { Throughput = throughput } : throw new ArgumentOutOfRangeException(nameof(throughput));

    internal ActorBase NewActor() => Factory();
}
