using System.Threading.Channels;
using Actors.Cloud.ApiServer.Storage;

namespace Actors.Cloud.ApiServer.Watch;

/// <summary>One watcher's queue of events of one kind (optionally one namespace). Dispose to stop receiving.</summary>
public sealed class WatchSubscription : IDisposable
{
    private readonly Channel<StoredEvent> _channel = Channel.CreateUnbounded<StoredEvent>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly Action<WatchSubscription> _unregister;
    private readonly int _maxQueued;
    private int _disposed;

    internal WatchSubscription(string kindKey, string? ns, int maxQueued, Action<WatchSubscription> unregister)
    {
        KindKey = kindKey;
        Namespace = ns;
        _maxQueued = maxQueued;
        _unregister = unregister;
    }

    public string KindKey { get; }

    public string? Namespace { get; }

    /// <summary>True when the watcher fell more than the allowed number of events behind and was cut off.</summary>
    public bool Overflowed { get; private set; }

    public ChannelReader<StoredEvent> Events => _channel.Reader;

    internal bool Matches(StoredEvent e) =>
        e.Key.KindKey == KindKey && (Namespace is null || e.Key.Namespace == Namespace);

    internal void Offer(StoredEvent e, bool initial = false)
    {
        if (!Matches(e))
        {
            return;
        }

        if (!initial && _channel.Reader.Count >= _maxQueued)
        {
            Overflowed = true;
            _channel.Writer.TryComplete();
            return;
        }

        _channel.Writer.TryWrite(e);
    }

    internal void Complete() => _channel.Writer.TryComplete();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _channel.Writer.TryComplete();
            _unregister(this);
        }
    }
}
