using Actors.Kernel.Actor;

namespace Actors.Kernel.Tests;

/// <summary>Small actors shared by the kernel tests.</summary>
internal sealed class Reporter : ReceiveActor
{
    public Reporter(IActorRef probe, string name = "reporter")
    {
        Receive<string>(s => s == "throw", _ => throw new InvalidOperationException("boom from " + name));
        Receive<string>(s => s == "init-fail", _ => throw new ActorInitializationException(Self, "explicit init failure", null));
        Receive<Exception>(ex => throw ex);
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name)));
        ReceiveAny(m => probe.Tell(name + ":" + m, Self));
    }

    public static Props Props(IActorRef probe, string name = "reporter") => Kernel.Actor.Props.Create(() => new Reporter(probe, name));
}

internal sealed record CreateChild(Props Props, string? Name);

/// <summary>Reports lifecycle hooks to a probe.</summary>
internal sealed class LifecycleActor : ReceiveActor
{
    private readonly IActorRef _probe;
    private int _count;

    public LifecycleActor(IActorRef probe)
    {
        _probe = probe;
        Receive<string>(s => s == "throw", _ => throw new InvalidOperationException("boom"));
        Receive<string>(s => s == "count", _ => Sender.Tell(++_count));
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name)));
        ReceiveAny(m => _probe.Tell(m, Self));
    }

    protected override void PreStart() => _probe.Tell("PreStart");

    protected override void PostStop() => _probe.Tell("PostStop");

    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell("PreRestart:" + message);
        base.PreRestart(reason, message);
    }

    protected override void PostRestart(Exception reason)
    {
        _probe.Tell("PostRestart:" + reason.Message);
        base.PostRestart(reason);
    }
}

/// <summary>A parent with a configurable strategy that creates children on request.</summary>
internal sealed class Supervisor : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;

    public Supervisor(SupervisorStrategy strategy)
    {
        _strategy = strategy;
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name)));
        Receive<string>(s => s == "throw", _ => throw new InvalidOperationException("supervisor boom"));
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;

    public static Props Props(SupervisorStrategy strategy) => Kernel.Actor.Props.Create(() => new Supervisor(strategy));
}
