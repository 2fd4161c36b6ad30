using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Cloud.Kubernetes.Informers;

/// <summary>
/// A list-watch cache of one resource with event delivery (client-go's SharedIndexInformer). Every
/// change is applied to the indexed <see cref="Store"/> and queued to every subscription in the same
/// order, under one lock. Subscribers that join late first receive the cache as adds. Run it with
/// <see cref="RunAsync"/>; plain Tasks and Channels, no threads of its own.
/// </summary>
public sealed class SharedInformer<T> : IReflectorSink<T>
    where T : class
{
    private readonly Lock _lock = new();
    private readonly ResourceClient<T> _client;
    private readonly InformerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ObjectStore<T> _store;
    private readonly Reflector<T> _reflector;
    private readonly List<InformerSubscription<T>> _subscriptions = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _lastResourceVersion;

    public SharedInformer(
        ResourceClient<T> client,
        InformerOptions? options = null,
        IReadOnlyDictionary<string, Func<T, IEnumerable<string>>>? indexers = null,
        TimeProvider? time = null,
        ILogger? logger = null,
        Func<double>? random = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _options = options ?? new InformerOptions();
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"{client.Type.Kind} informer: {string.Join("; ", errors)}", nameof(options));
        }
        _client = client;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _store = new ObjectStore<T>(value => client.Codec.Identify(value).Key, indexers);
        _reflector = new Reflector<T>(client, _options, this, _time, _logger, random ?? Random.Shared.NextDouble);
    }

    public IReadOnlyObjectStore<T> Store => _store;

    /// <summary>True once the first list has been applied to the cache and queued to subscribers.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    public string? LastResourceVersion
    {
        get
        {
            lock (_lock)
            {
                return _lastResourceVersion;
            }
        }
    }

    /// <summary>Full lists made so far (the first one and every relist).</summary>
    public long ListRequests => _reflector.ListRequests;

    /// <summary>Watch requests made so far (each reconnect counts).</summary>
    public long WatchRequests => _reflector.WatchRequests;

    /// <summary>Called with every list/watch failure before the informer recovers (set before running).</summary>
    public Action<Exception>? OnError { get; set; }

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Runs list-watch (and resync, if configured) until cancelled; then completes every subscription.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var resync = _options.ResyncPeriod > TimeSpan.Zero ? ResyncLoopAsync(stop.Token) : Task.CompletedTask;
        try
        {
            await _reflector.RunAsync(stop.Token).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await resync.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            lock (_lock)
            {
                foreach (var subscription in _subscriptions)
                {
                    subscription.Complete();
                }
                _subscriptions.Clear();
            }
        }
    }

    /// <summary>A channel of events for this consumer (the cache so far arrives first, as adds).</summary>
    public InformerSubscription<T> Subscribe()
    {
        var subscription = new InformerSubscription<T>(Unsubscribe);
        lock (_lock)
        {
            if (HasSynced)
            {
                foreach (var value in _store.List())
                {
                    subscription.Enqueue(new ObjectAdded<T>(value, IsInInitialList: true));
                }
            }
            _subscriptions.Add(subscription);
        }
        return subscription;
    }

    /// <summary>Delivers events to callbacks, one at a time in order; a throwing callback is logged and skipped.</summary>
    public InformerSubscription<T> AddEventHandler(InformerCallbacks<T> callbacks)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        var subscription = Subscribe();
        subscription.Completion = PumpAsync(subscription, callbacks);
        return subscription;
    }

    string? IReflectorSink<T>.LastResourceVersion => LastResourceVersion;

    void IReflectorSink<T>.Replace(IReadOnlyList<T> items, string? resourceVersion)
    {
        lock (_lock)
        {
            var initial = !HasSynced;
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                listed.Add(_store.KeyOf(item));
                var old = _store.Upsert(item);
                Emit(old is null ? new ObjectAdded<T>(item, initial) : new ObjectUpdated<T>(old, item));
            }
            foreach (var key in _store.ListKeys().Where(k => !listed.Contains(k)))
            {
                if (_store.Remove(key) is { } gone)
                {
                    Emit(new ObjectDeleted<T>(gone, key, FinalStateUnknown: true));
                }
            }
            _lastResourceVersion = resourceVersion;
            _synced.TrySetResult();
        }
    }

    void IReflectorSink<T>.Apply(WatchEvent<T> watchEvent)
    {
        lock (_lock)
        {
            if (watchEvent.Type != WatchEventType.Bookmark && watchEvent.Object is { } value)
            {
                ApplyChange(watchEvent.Type, value, watchEvent.ResourceVersion);
            }
            if (!string.IsNullOrEmpty(watchEvent.ResourceVersion))
            {
                _lastResourceVersion = watchEvent.ResourceVersion;
            }
        }
    }

    void IReflectorSink<T>.ReportError(Exception error)
    {
        try
        {
            OnError?.Invoke(error);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            InformerLog.HandlerFailed(_logger, ex, _client.Type.Kind);
        }
    }

    private void ApplyChange(string type, T value, string? resourceVersion)
    {
        var key = _store.KeyOf(value);
        if (type == WatchEventType.Deleted)
        {
            _store.Remove(key);
            Emit(new ObjectDeleted<T>(value, key, FinalStateUnknown: false));
            return;
        }
        var existing = _store.Get(key);
        if (existing is not null && resourceVersion is not null && _client.Codec.Identify(existing).ResourceVersion == resourceVersion)
        {
            return; // the same version again (a replayed event): nothing changed
        }
        var old = _store.Upsert(value);
        Emit(old is null ? new ObjectAdded<T>(value, IsInInitialList: false) : new ObjectUpdated<T>(old, value));
    }

    private void Emit(InformerEvent<T> informerEvent)
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Enqueue(informerEvent);
        }
    }

    private void Unsubscribe(InformerSubscription<T> subscription)
    {
        lock (_lock)
        {
            _subscriptions.Remove(subscription);
        }
        subscription.Complete();
    }

    private async Task ResyncLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.ResyncPeriod, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            lock (_lock)
            {
                if (!HasSynced)
                {
                    continue;
                }
                foreach (var value in _store.List())
                {
                    Emit(new ObjectUpdated<T>(value, value));
                }
            }
        }
    }

    private async Task PumpAsync(InformerSubscription<T> subscription, InformerCallbacks<T> callbacks)
    {
        await Task.Yield();
        await foreach (var informerEvent in subscription.Events.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                callbacks.Dispatch(informerEvent);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                InformerLog.HandlerFailed(_logger, ex, _client.Type.Kind);
            }
        }
    }
}
