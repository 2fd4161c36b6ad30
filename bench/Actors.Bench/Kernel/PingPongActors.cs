using Actors.Kernel.Actor;

namespace Actors.Bench.Kernel;

/// <summary>Message bounced between a pair (one instance per pair: no allocation per message).</summary>
internal sealed class Ball;

/// <summary>Replies to every ball; the ponger counts and signals when its target is reached.</summary>
internal sealed class PingPongActor(long target, CountdownEvent? done) : ActorBase
{
    private long _received;

    protected override bool Receive(object message)
    {
        if (done is null)
        {
            Sender.Tell(message, Self);
            return true;
        }

        var n = ++_received;
        if (n < target)
        {
            Sender.Tell(message, Self);
        }
        else if (n == target)
        {
            done.Signal();
        }

        return true;
    }
}

/// <summary>An actor that does nothing (memory and spawn measurements).</summary>
internal sealed class IdleActor(CountdownEvent? started) : ActorBase
{
    protected override void PreStart() => started?.Signal();

    protected override bool Receive(object message) => true;
}
