using System.Threading.Channels;
using Actors.Messages.Routing;

namespace Actors.Edge.Modules.MetaManager.Server;

/// <summary>
/// Fan-out of committed store changes to MetaServer watchers. Published by the MetaManager actor after each commit;
/// each watcher has a bounded queue and is ended (its stream closes, the client re-lists) when it falls 1024 events behind.
/// </summary>
public sealed class WatchFeed
{
    private const int Capacity = 1024;
    private readonly Lock _lock = new();
    private readonly List<Subscription> _subscribers = [];

    /// <summary>Watches changes of <paramref name="type"/> (in <paramref name="ns"/>, or every namespace when null).</summary>
    public Subscription Subscribe(string type, string? ns)
    {
        var sub = new Subscription(this, type, ns, Channel.CreateBounded<WatchChange>(new BoundedChannelOptions(Capacity) { SingleReader = true }));
        lock (_lock)
        {
            _subscribers.Add(sub);
        }

        return sub;
    }

    /// <summary>Delivers a change to every matching watcher.</summary>
    public void Publish(WatchChange change)
    {
        Subscription[] subs;
        lock (_lock)
        {
            subs = [.. _subscribers];
        }

        foreach (var sub in subs)
        {
            if (sub.Matches(change.Resource) && !sub.Channel.Writer.TryWrite(change))
            {
                sub.Dispose();
            }
        }
    }

    /// <summary>Ends every watch (module stop).</summary>
    public void CompleteAll()
    {
        Subscription[] subs;
        lock (_lock)
        {
            subs = [.. _subscribers];
        }

        foreach (var sub in subs)
        {
            sub.Dispose();
        }
    }

    /// <summary>How many watches are open.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _subscribers.Count;
            }
        }
    }

    private void Remove(Subscription sub)
    {
        lock (_lock)
        {
            _subscribers.Remove(sub);
        }
    }

    /// <summary>One watcher: read <see cref="Reader"/>; dispose to stop.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly WatchFeed _feed;
        private readonly string _type;
        private readonly string? _ns;

        internal Subscription(WatchFeed feed, string type, string? ns, Channel<WatchChange> channel)
        {
            (_feed, _type, _ns, Channel) = (feed, type, ns, channel);
        }

        public ChannelReader<WatchChange> Reader => Channel.Reader;

        internal Channel<WatchChange> Channel { get; }

        internal bool Matches(EdgeResource r) => r.ResourceType == _type && (_ns is null || r.Namespace == _ns);

        public void Dispose()
        {
            Channel.Writer.TryComplete();
            _feed.Remove(this);
        }
    }
}
