using System.Threading.Channels;

namespace Actors.Cloud.Kubernetes.Informers;

/// <summary>
/// One consumer of an informer's events, with its own unbounded queue so that a slow consumer never
/// blocks the watch. Read <see cref="Events"/> directly (actors, pipelines) or let the informer pump
/// them into callbacks. Dispose to stop receiving.
/// </summary>
public sealed class InformerSubscription<T> : IDisposable
    where T : class
{
    private readonly Channel<InformerEvent<T>> _channel =
        Channel.CreateUnbounded<InformerEvent<T>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<InformerSubscription<T>> _unsubscribe;

    internal InformerSubscription(Action<InformerSubscription<T>> unsubscribe)
    {
        _unsubscribe = unsubscribe;
    }

    /// <summary>The events in cache order; completes when the subscription or the informer ends.</summary>
    public ChannelReader<InformerEvent<T>> Events => _channel.Reader;

    /// <summary>For callback subscriptions: the task pumping events into the callbacks.</summary>
    public Task Completion { get; internal set; } = Task.CompletedTask;

    public void Dispose() => _unsubscribe(this);

    internal void Enqueue(InformerEvent<T> informerEvent) => _channel.Writer.TryWrite(informerEvent);

    internal void Complete() => _channel.Writer.TryComplete();
}
