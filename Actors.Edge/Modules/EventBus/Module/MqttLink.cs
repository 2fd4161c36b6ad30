using Actors.Edge.Modules.EventBus.Mqtt.Client;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EventBus.Module;

/// <summary>
/// One EventBus connection to a broker (our internal one or an external one). A maintenance loop connects (retrying
/// every <see cref="MqttLinkSettings.RetryInterval"/> until the first connect succeeds, as KubeEdge's own loop does;
/// afterwards the client reconnects by itself), makes the wanted (un)subscriptions, retrying those that failed while disconnected (the client itself restores
/// acknowledged subscriptions after a reconnect), and
/// hands every received message to the callback. Thread-safe.
/// </summary>
internal sealed class MqttLink : IAsyncDisposable
{
    private readonly MqttLinkSettings _settings;
    private readonly Action<MqttApplicationMessage> _onMessage;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly HashSet<string> _wanted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _toRemove = new(StringComparer.Ordinal);
    private TaskCompletionSource _kick = NewKick();
    private MqttClient? _client;
    private Task? _loop;
    private Task? _reader;
    private bool _dirty = true;

    public MqttLink(MqttLinkSettings settings, IEnumerable<string> topics, Action<MqttApplicationMessage> onMessage, ILoggerFactory loggers, TimeProvider time)
    {
        _settings = settings;
        _onMessage = onMessage;
        _loggers = loggers;
        _logger = loggers.CreateLogger<MqttLink>();
        _time = time;
        _wanted.UnionWith(topics);
    }

    public string Name => _settings.Name;

    /// <summary>True while the client has a live connection.</summary>
    public bool IsConnected => Volatile.Read(ref _client)?.IsConnected == true;

    /// <summary>Completes when the first CONNACK has been received and the subscriptions are acknowledged.</summary>
    public Task Ready => _ready.Task;

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Start() => _loop ??= Task.Run(LoopAsync, CancellationToken.None);

    /// <summary>Adds a topic filter; subscribed now if connected, otherwise on the next connect.</summary>
    public void Subscribe(string filter) => Change(() => { _wanted.Add(filter); _toRemove.Remove(filter); });

    public void Unsubscribe(string filter) => Change(() => { _wanted.Remove(filter); _toRemove.Add(filter); });

    /// <summary>
    /// Publishes with the link's QoS and retain flag. QoS 1/2 are queued by the client while it reconnects; before the
    /// first connect, and for QoS 0 while disconnected, the message is dropped with a warning (KubeEdge logs and drops).
    /// </summary>
    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload)
    {
        var client = Volatile.Read(ref _client);
        if (client is null)
        {
            _logger.LogWarning("eventbus {Link}: not connected yet, message on {Topic} dropped", _settings.Name, topic);
            return;
        }

        try
        {
            await client.PublishAsync(topic, payload, _settings.PublishQos, _settings.Retain, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MqttClientException or ArgumentException or ObjectDisposedException or OperationCanceledException)
        {
            _logger.LogWarning("eventbus {Link}: publish on {Topic} failed: {Reason}", _settings.Name, topic, e.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (Interlocked.Exchange(ref _client, null) is { } client)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }

        if (_reader is not null)
        {
            await _reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }

    private static TaskCompletionSource NewKick() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Change(Action change)
    {
        lock (_gate)
        {
            change();
            _dirty = true;
        }

        Volatile.Read(ref _kick).TrySetResult();
    }

    private async Task LoopAsync()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            var kick = NewKick();
            Volatile.Write(ref _kick, kick);
            var wait = _client is null ? _settings.RetryInterval : _settings.CheckInterval;
            try
            {
                if (_client is null)
                {
                    await TryConnectAsync(token).ConfigureAwait(false);
                }

                if (_client is { IsConnected: true } client)
                {
                    await SyncSubscriptionsAsync(client, token).ConfigureAwait(false);
                }

                await Task.WhenAny(kick.Task, Task.Delay(wait, _time, token)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task TryConnectAsync(CancellationToken token)
    {
        var client = new MqttClient(_settings.Client, _loggers, _time);
        try
        {
            await client.ConnectAsync(token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MqttClientException or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            _logger.LogWarning("eventbus {Link}: cannot connect to {Host}:{Port} ({Reason}); retrying in {Delay}", _settings.Name, _settings.Client.Host, _settings.Client.Port, e.Message, _settings.RetryInterval);
            await client.DisposeAsync().ConfigureAwait(false);
            return;
        }

        _logger.LogInformation("eventbus {Link}: connected to {Host}:{Port} as {ClientId}", _settings.Name, _settings.Client.Host, _settings.Client.Port, _settings.Client.ClientId);
        _reader = Task.Run(() => ReadAsync(client), CancellationToken.None);
        Volatile.Write(ref _client, client);
        lock (_gate)
        {
            _dirty = true;
        }
    }

    private async Task SyncSubscriptionsAsync(MqttClient client, CancellationToken token)
    {
        List<string> wanted;
        List<string> remove;
        lock (_gate)
        {
            if (!_dirty)
            {
                return;
            }

            _dirty = false;
            wanted = [.. _wanted];
            remove = [.. _toRemove];
            _toRemove.Clear();
        }

        try
        {
            if (remove.Count > 0)
            {
                await client.UnsubscribeAsync(remove, token).WaitAsync(_settings.RequestTimeout, _time, token).ConfigureAwait(false);
            }

            if (wanted.Count > 0)
            {
                var subs = wanted.Select(f => new TopicSubscription(f, MqttQos.AtLeastOnce)).ToList();
                var codes = await client.SubscribeAsync(subs, token).WaitAsync(_settings.RequestTimeout, _time, token).ConfigureAwait(false);
                LogRefused(wanted, codes);
            }

            _ready.TrySetResult();
        }
        catch (Exception e) when (e is MqttClientException or TimeoutException or ObjectDisposedException)
        {
            _logger.LogWarning("eventbus {Link}: (un)subscribe failed, retrying: {Reason}", _settings.Name, e.Message);
            lock (_gate)
            {
                _dirty = true;
                _toRemove.UnionWith(remove.Where(r => !_wanted.Contains(r)));
            }
        }
    }

    private void LogRefused(List<string> filters, IReadOnlyList<byte> codes)
    {
        for (var i = 0; i < filters.Count && i < codes.Count; i++)
        {
            if (codes[i] == SubAckPacket.Failure)
            {
                _logger.LogWarning("eventbus {Link}: the broker refused the subscription {Filter}", _settings.Name, filters[i]);
            }
        }
    }

    private async Task ReadAsync(MqttClient client)
    {
        try
        {
            await foreach (var message in client.Messages.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                _onMessage(message);
            }
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
