using Actors.Kernel.Actor;

namespace Actors.Kernel.Persistence.Actors;

/// <summary>
/// The persistent actor's own stash (Akka's internal stash), separate from a user stash: holds
/// commands during recovery and while a <c>Persist</c> is in flight. Same message may be stashed
/// any number of times (commands are often equal strings).
/// </summary>
internal sealed class InternalStash(ActorCell cell)
{
    private readonly List<Envelope> _stash = [];

    public int Count => _stash.Count;

    public void StashCurrent() => _stash.Add(cell.CurrentEnvelope);

    /// <summary>Puts everything back at the front of the mailbox, in original order.</summary>
    public void UnstashAll()
    {
        if (_stash.Count == 0)
        {
            return;
        }

        var all = _stash.ToArray();
        _stash.Clear();
        cell.Mailbox.Prepend(all);
    }
}
