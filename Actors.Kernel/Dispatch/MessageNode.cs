using Actors.Kernel.Actor;

namespace Actors.Kernel.Dispatch;

/// <summary>Node of the intrusive multi-producer single-consumer user queue: the only per-message allocation.</summary>
internal sealed class MessageNode
{
    public object? Message;
    public IActorRef? Sender;
    public MessageNode? Next;
}
