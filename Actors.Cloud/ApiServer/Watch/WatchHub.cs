using Actors.Cloud.ApiServer.Storage;

namespace Actors.Cloud.ApiServer.Watch;

/// <summary>
/// The retained event window and the registered watchers. Not thread-safe on its own: the store calls
/// <see cref="Publish"/>, <see cref="Backlog"/> and <see cref="Register"/> from inside its single writer,
/// so a watcher never misses or duplicates an event between its backlog and its live events.
/// </summary>
public sealed class WatchHub
{
    private readonly LinkedList<StoredEvent> _window = new();
    private readonly Lock _subscribersLock = new();
    private readonly List<WatchSubscription> _subscribers = [];
    private readonly int _windowSize;
    private readonly int _maxQueued;

    public WatchHub(int windowSize, int maxQueued, long compactedRevision)
    {
        _windowSize = windowSize;
        _maxQueued = maxQueued;
        CompactedRevision = compactedRevision;
    }

    /// <summary>Highest revision whose event is no longer retained; watches must start at or after it.</summary>
    public long CompactedRevision { get; private set; }

    public int WatcherCount
    {
        get
        {
            lock (_subscribersLock)
            {
                return _subscribers.Count;
            }
        }
    }

    /// <summary>Appends committed events to the window (dropping the oldest beyond its size) and hands them to watchers.</summary>
    public void Publish(IReadOnlyList<StoredEvent> events)
    {
        foreach (var e in events)
        {
            _window.AddLast(e);
            while (_window.Count > _windowSize)
            {
                CompactedRevision = _window.First!.Value.Revision;
                _window.RemoveFirst();
            }
        }

        WatchSubscription[] subscribers;
        lock (_subscribersLock)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var s in subscribers)
        {
            foreach (var e in events)
            {
                s.Offer(e);
            }
        }
    }

    /// <summary>Retained events after <paramref name="fromRevision"/> for one kind/namespace.</summary>
    public IReadOnlyList<StoredEvent> Backlog(string kindKey, string? ns, long fromRevision)
    {
        if (fromRevision < CompactedRevision)
        {
            throw new RevisionCompactedException(fromRevision, CompactedRevision);
        }

        return _window.Where(e => e.Revision > fromRevision && e.Key.KindKey == kindKey
            && (ns is null || e.Key.Namespace == ns)).ToList();
    }

    public WatchSubscription Register(string kindKey, string? ns, IEnumerable<StoredEvent> initial)
    {
        var sub = new WatchSubscription(kindKey, ns, _maxQueued, Unregister);
        foreach (var e in initial)
        {
            sub.Offer(e, initial: true);
        }

        lock (_subscribersLock)
        {
            _subscribers.Add(sub);
        }

        return sub;
    }

    /// <summary>Ends every watch (server shutdown).</summary>
    public void CompleteAll()
    {
        lock (_subscribersLock)
        {
            foreach (var s in _subscribers)
            {
                s.Complete();
            }

            _subscribers.Clear();
        }
    }

    private void Unregister(WatchSubscription sub)
    {
        lock (_subscribersLock)
        {
            _subscribers.Remove(sub);
        }
    }
}
