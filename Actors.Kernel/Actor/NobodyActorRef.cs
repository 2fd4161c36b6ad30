using Actors.Kernel.Dispatch;

namespace Actors.Kernel.Actor;

/// <summary>The <see cref="ActorRefs.Nobody"/> reference: drops everything, watching it yields Terminated.</summary>
internal sealed class NobodyActorRef : InternalActorRef
{
    private static readonly ActorPath NobodyPath = ActorPath.CreateRoot("all-systems") / "Nobody";

    public override ActorPath Path => NobodyPath;

    public override ActorSystem? System => null;

    public override bool IsTerminated => true;

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is Watch w && w.Watcher is InternalActorRef watcher)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(this, false));
        }
    }
}
