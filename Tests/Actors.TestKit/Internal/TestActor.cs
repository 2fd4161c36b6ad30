using System.Collections.Concurrent;
using System.Threading.Channels;
using Actors.Kernel.Actor;
using Actors.Kernel.Dispatch;

namespace Actors.TestKit.Internal;

/// <summary>
/// The reference behind TestActor and every TestProbe. Like Akka's calling-thread dispatcher it
/// queues each message synchronously on Tell, so nothing is lost to mailbox scheduling or to system
/// shutdown ordering. It can watch actors (Terminated is queued like any message).
/// </summary>
internal sealed class TestActorRef(ActorSystem system, ActorPath path, ChannelWriter<ReceivedMessage> queue) : InternalActorRef
{
    private readonly ConcurrentDictionary<IActorRef, byte> _watching = new();

    public override ActorPath Path { get; } = path;

    public override ActorSystem System { get; } = system;

    public override bool IsTerminated => false;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        queue.TryWrite(new ReceivedMessage(message, sender ?? System.DeadLetters));
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification n && _watching.TryRemove(n.Actor, out _))
        {
            queue.TryWrite(new ReceivedMessage(new Terminated(n.Actor, n.ExistenceConfirmed, false), n.Actor));
        }
    }

    public void Watch(IActorRef target)
    {
        if (_watching.TryAdd(target, 0))
        {
            ((InternalActorRef)target).SendSystemMessage(new Watch(target, this));
        }
    }

    public void Unwatch(IActorRef target)
    {
        if (_watching.TryRemove(target, out _))
        {
            ((InternalActorRef)target).SendSystemMessage(new Unwatch(target, this));
        }
    }
}
