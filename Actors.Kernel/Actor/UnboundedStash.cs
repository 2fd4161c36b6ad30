namespace Actors.Kernel.Actor;

/// <summary>The kernel's stash: a list owned by the actor's thread; unstashing prepends to the mailbox.</summary>
internal sealed class UnboundedStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stash = [];
    private object? _lastStashed;

    public int Count => _stash.Count;

    public bool IsEmpty => _stash.Count == 0;

    public void Stash()
    {
        var env = cell.CurrentEnvelope;
        if (env.Message is null)
        {
            throw new IllegalActorStateException("There is no current message to stash.");
        }

        if (ReferenceEquals(_lastStashed, env.Message) && _stash.Count > 0 && ReferenceEquals(_stash[^1].Message, env.Message))
        {
            throw new IllegalActorStateException("Can't stash the same message " + env.Message + " more than once");
        }

        _lastStashed = env.Message;
        _stash.Add(env);
    }

    public void Unstash()
    {
        if (_stash.Count == 0)
        {
            return;
        }

        var first = _stash[0];
        _stash.RemoveAt(0);
        cell.Mailbox.Prepend([first]);
    }

    public void UnstashAll() => UnstashAll(static _ => true);

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        if (_stash.Count == 0)
        {
            return;
        }

        var selected = _stash.Where(predicate).ToList();
        _stash.RemoveAll(e => predicate(e));
        _lastStashed = null;
        cell.Mailbox.Prepend(selected);
    }

    public IEnumerable<Envelope> ClearStash()
    {
        var all = _stash.ToArray();
        _stash.Clear();
        _lastStashed = null;
        return all;
    }

    public void Prepend(IEnumerable<Envelope> envelopes) => _stash.InsertRange(0, envelopes);
}
