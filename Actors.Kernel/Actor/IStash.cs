namespace Actors.Kernel.Actor;

/// <summary>Set aside messages to process later (e.g. until initialisation finishes).</summary>
public interface IStash
{
    /// <summary>Stashes the current message; stashing it twice throws <see cref="IllegalActorStateException"/>.</summary>
    void Stash();

    /// <summary>Puts the oldest stashed message at the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts all stashed messages, in original order, before anything already queued.</summary>
    void UnstashAll();

    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Removes and returns all stashed messages.</summary>
    IEnumerable<Envelope> ClearStash();

    /// <summary>Adds envelopes before the stashed ones.</summary>
    void Prepend(IEnumerable<Envelope> envelopes);

    int Count { get; }

    bool IsEmpty { get; }
}
