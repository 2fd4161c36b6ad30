using Actors.Kernel.Dispatch;
using Microsoft.Extensions.Logging;

namespace Actors.Kernel.Actor;

/// <summary>The parent of the root guardian: a root failure shuts the system down; the root's death completes termination.</summary>
internal sealed class RootParentRef(ActorSystem system, ActorPath rootPath) : InternalActorRef
{
    public override ActorPath Path { get; } = rootPath / "bubble-walker";

    public override ActorSystem System { get; } = system;

    public override bool IsTerminated => false;

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed f:
                System.Log.LogError(f.Cause, "Guardian failed. Shutting down system");
                ((InternalActorRef)f.Child).SendSystemMessage(new Terminate());
                break;
            case DeathWatchNotification:
                System.OnRootTerminated();
                break;
        }
    }
}
