namespace Actors.Edge.Modules.EdgeD.Pods;

/// <summary>
/// EdgeD's two work queues: additions/updates and deletions, each keyed by pod (<c>ns/name</c>) so a burst of
/// updates to one pod collapses into its latest spec. Deletions are drained first; an addition for a pod whose
/// deletion is still running waits until the old worker is gone. Owned by the root actor (not thread-safe).
/// </summary>
internal sealed class PodWorkQueue
{
    private readonly List<string> _additionOrder = [];
    private readonly Dictionary<string, PodModel> _additions = new(StringComparer.Ordinal);
    private readonly List<string> _deletions = [];

    public int AdditionCount => _additions.Count;

    public int DeletionCount => _deletions.Count;

    /// <summary>Queues an add/update; a newer spec for a queued pod replaces the older one in place.</summary>
    public void Add(PodModel pod)
    {
        if (!_additions.ContainsKey(pod.Key))
        {
            _additionOrder.Add(pod.Key);
        }

        _additions[pod.Key] = pod;
    }

    /// <summary>Queues a deletion; it also cancels a queued addition of the same pod.</summary>
    public void Delete(string key)
    {
        if (_additions.Remove(key))
        {
            _additionOrder.Remove(key);
        }

        if (!_deletions.Contains(key))
        {
            _deletions.Add(key);
        }
    }

    /// <summary>Takes every queued deletion.</summary>
    public IReadOnlyList<string> TakeDeletions()
    {
        var taken = _deletions.ToList();
        _deletions.Clear();
        return taken;
    }

    /// <summary>Takes the queued additions that <paramref name="ready"/> accepts (in arrival order); the others stay queued.</summary>
    public IReadOnlyList<PodModel> TakeAdditions(Func<string, bool> ready)
    {
        var taken = new List<PodModel>();
        foreach (var key in _additionOrder.Where(ready).ToList())
        {
            taken.Add(_additions[key]);
            _additions.Remove(key);
            _additionOrder.Remove(key);
        }

        return taken;
    }
}
