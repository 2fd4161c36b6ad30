using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Actors.Edge.Modules.EventBus.Mqtt.Broker.Persistence;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Edge.Modules.EventBus.Mqtt.Broker;

/// <summary>
/// Embedded MQTT 3.1.1 broker: TCP (optionally TLS) listener, sessions, subscription trie, retained
/// messages and wills. Lifecycle: <see cref="StartAsync"/> → <see cref="StopAsync"/> / <see cref="DisposeAsync"/>.
/// </summary>
public sealed class MqttBroker : IAsyncDisposable
{
    private readonly MqttBrokerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, MqttSession> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _sessionsGate = new();
    private readonly ConcurrentDictionary<MqttBrokerConnection, Task> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _allReadsStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IBrokerStore? _store;
    private Socket? _listener;
    private Task? _acceptLoop;
    private int _connectionCount;

    public MqttBroker(MqttBrokerOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, loggerFactory, timeProvider, null)
    {
    }

    /// <summary>With an explicit store (tests); otherwise one is opened at <see cref="MqttBrokerOptions.StorePath"/> when set.</summary>
    internal MqttBroker(MqttBrokerOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, IBrokerStore? store)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<MqttBroker>();
        _time = timeProvider ?? TimeProvider.System;
        _store = store ?? (_options.StorePath is { Length: > 0 } path ? new SqliteBrokerStore(path, _logger) : null);
        Router = new MqttRouter(_logger, _store);
    }

    /// <summary>True when acknowledged QoS 1/2 messages, persistent sessions and retained messages survive a crash.</summary>
    internal bool IsDurable => _store is not null;

    /// <summary>The bound endpoint (valid after <see cref="StartAsync"/>; resolves port 0).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint?)_listener?.LocalEndPoint ?? throw new InvalidOperationException("the broker is not started");

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    /// <summary>QoS 0 deliveries dropped because a subscriber's outgoing queue was full.</summary>
    public long DroppedQos0Messages => Router.DroppedQos0Messages;

    public int RetainedCount => Router.RetainedCount;

    internal MqttRouter Router { get; }

    /// <summary>Diagnostics: QoS 1/2 messages in flight or queued for <paramref name="clientId"/> (-1: no session).</summary>
    internal int QueuedFor(string clientId)
    {
        lock (_sessionsGate)
        {
            return _sessions.TryGetValue(clientId, out var session) ? session.QueuedCount : -1;
        }
    }

    internal Task AllReadsStopped => _allReadsStopped.Task;

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("the broker is already started");
        }

        var listener = new Socket(_options.Listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(_options.Listen);
            listener.Listen(512);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
        Restore();
        _acceptLoop = Task.Run(AcceptLoopAsync, CancellationToken.None);
        _logger.LogInformation("mqtt broker: listening on {EndPoint}", listener.LocalEndPoint);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        // Graceful: stop reading everywhere first, then flush every outgoing queue, then close.
        var connections = _connections.Keys.ToList();
        foreach (var connection in connections)
        {
            connection.BeginShutdown();
        }

        await Task.WhenAll(connections.Select(c => c.ReadStopped)).WaitAsync(cancellationToken).ConfigureAwait(false);
        _allReadsStopped.TrySetResult();
        await Task.WhenAll(_connections.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("mqtt broker: stopped");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stopping.Dispose();
        Router.Dispose();
        if (_store is not null)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Persistent sessions (offline until their client connects), their undelivered messages and retained messages.</summary>
    private void Restore()
    {
        if (_store is null)
        {
            return;
        }

        var state = _store.Load();
        lock (_sessionsGate)
        {
            foreach (var stored in state.Sessions)
            {
                var session = new MqttSession(stored.ClientId, cleanSession: false, _options.MaxQueuedMessagesPerSession, _store);
                Router.Restore(session, stored.Subscriptions);
                session.Restore(stored.Messages);
                _sessions[stored.ClientId] = session;
            }
        }

        Router.RestoreRetained(state.Retained);
        _logger.LogInformation("mqtt broker: restored {Sessions} persistent sessions ({Messages} undelivered messages) and {Retained} retained messages from {Path}",
            state.Sessions.Count, state.Sessions.Sum(s => s.Messages.Count), state.Retained.Count, _options.StorePath);
    }

    internal (MqttSession Session, bool Present) OpenSession(string clientId, bool cleanSession)
    {
        MqttBrokerConnection? previous;
        MqttSession session;
        bool present;
        lock (_sessionsGate)
        {
            _sessions.TryGetValue(clientId, out var existing);
            previous = existing?.Connection;
            present = existing is not null && !cleanSession && !existing.CleanSession;
            if (present)
            {
                session = existing!;
            }
            else
            {
                if (existing is not null)
                {
                    Router.DropSubscriptions(existing);
                    if (!existing.CleanSession)
                    {
                        _ = _store?.Write(new DeleteSession(clientId));
                    }
                }

                session = new MqttSession(clientId, cleanSession, _options.MaxQueuedMessagesPerSession, _store);
                _sessions[clientId] = session;
                _ = Router.PersistSession(session);
            }
        }

        if (previous is not null)
        {
            _logger.LogInformation("mqtt broker: client id '{ClientId}' connected again; closing the previous connection {Remote}", clientId, previous.Remote);
            previous.Close(publishWill: true);
        }

        return (session, present);
    }

    internal void OnConnectionClosed(MqttBrokerConnection connection, MqttWill? will)
    {
        var session = connection.Session;
        if (session is not null)
        {
            session.Detach(connection);
            if (session.CleanSession)
            {
                lock (_sessionsGate)
                {
                    if (_sessions.TryGetValue(session.ClientId, out var current) && ReferenceEquals(current, session) && session.Connection is null)
                    {
                        _sessions.Remove(session.ClientId);
                        Router.DropSubscriptions(session);
                    }
                }
            }
        }

        if (will is not null && session is not null && !_stopping.IsCancellationRequested)
        {
            _logger.LogDebug("mqtt broker: publishing the will of '{ClientId}' to {Topic}", session.ClientId, will.Topic);
            Router.Route(new PublishPacket(will.Topic, will.Payload, will.Qos, will.Retain), []);
        }
    }

    private async Task AcceptLoopAsync()
    {
        var listener = _listener!;
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                _logger.LogWarning("mqtt broker: accept failed: {Message}", ex.Message);
                continue;
            }

            socket.NoDelay = true;
            var connection = new MqttBrokerConnection(this, socket, _options, _logger, _time);
            Interlocked.Increment(ref _connectionCount);
            _connections[connection] = Task.Run(() => RunConnectionAsync(connection));
        }
    }

    private async Task RunConnectionAsync(MqttBrokerConnection connection)
    {
        try
        {
            await connection.RunAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "mqtt broker: connection {Remote} failed", connection.Remote);
        }
        finally
        {
            Interlocked.Decrement(ref _connectionCount);
            _connections.TryRemove(connection, out _);
        }
    }
}
