using Actors.Kernel.Dispatch;

namespace Actors.Kernel.Actor;

/// <summary>
/// Recursive suspension (Akka's mailbox suspend count): a failed actor and all its descendants
/// process no user messages until the supervisor decides. Every <see cref="Suspend"/> or own
/// failure is balanced by exactly one <see cref="Resume"/> or <see cref="Recreate"/>.
/// </summary>
internal sealed partial class ActorCell
{
    // Suspensions for faults (own failure + ancestors' failures) still open; mailbox thread only.
    // Kept apart from the mailbox's count so that a stray Resume can never end another kind of
    // suspension (an awaited ReceiveAsync task, termination).
    private int _faultSuspends;

    private void SuspendForFault()
    {
        _faultSuspends++;
        Mailbox.Suspend();
    }

    private void ResumeForFault()
    {
        if (_faultSuspends > 0)
        {
            _faultSuspends--;
            Mailbox.Resume();
        }
    }

    /// <summary>An ancestor failed (the Suspend system message): suspend this actor and its subtree.</summary>
    private void FaultSuspend()
    {
        if (IsTerminating)
        {
            return;
        }

        SuspendForFault();
        SuspendChildren(null, null);
    }

    private void SuspendChildren(ActorCell? except, IReadOnlyCollection<ActorCell>? alsoExcept)
    {
        foreach (var c in AllChildren())
        {
            if (!ReferenceEquals(c.Cell, except) && alsoExcept?.Contains(c.Cell) != true)
            {
                c.SendSystemMessage(new Dispatch.Suspend());
            }
        }
    }

    /// <summary>Resumes each child once; the perpetrator of an escalated failure gets the cause (its own failure ends).</summary>
    private void ResumeChildren(Exception? cause, LocalActorRef? perpetrator)
    {
        foreach (var c in AllChildren())
        {
            c.SendSystemMessage(new Dispatch.Resume(ReferenceEquals(c, perpetrator) ? cause : null));
        }
    }

    /// <summary>
    /// Akka's system-message stash: a child's failure waits while this actor is itself failed or
    /// suspended (its supervisor decides first); restart and suspension changes wait while a
    /// restart waits for stopping children.
    /// </summary>
    private bool ShouldStash(SystemMessage message)
    {
        if ((_state & WaitingToRecreateFlag) != 0)
        {
            return message is Failed or Recreate or Dispatch.Suspend or Dispatch.Resume;
        }

        return _faultSuspends > 0 && message is Failed;
    }

    private void Stash(SystemMessage message) => (Extras.StashedSystem ??= new Queue<SystemMessage>()).Enqueue(message);

    /// <summary>Replays stashed system messages, in order, as long as the state no longer requires stashing them.</summary>
    private void ReplayStashedSystem()
    {
        var stash = _extras!.StashedSystem!;
        while (stash.Count > 0)
        {
            if (IsTerminated)
            {
                stash.Clear();
                return;
            }

            if (ShouldStash(stash.Peek()))
            {
                return;
            }

            HandleSystemMessage(stash.Dequeue());
        }
    }
}
