using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Edge.Modules.EventBus.Mqtt.Transport;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EventBus.Mqtt.Broker;

/// <summary>One client connection to the broker: the CONNECT handshake, the read loop and the writer loop.</summary>
internal sealed partial class MqttBrokerConnection : IDisposable
{
    private readonly MqttBroker _broker;
    private readonly Socket _socket;
    private readonly MqttBrokerOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _cts;
    private readonly List<(MqttSession, MqttQos)> _scratch = [];
    private Task _acks = Task.CompletedTask;
    private MqttWill? _will;
    private TimeSpan? _keepAliveTimeout;
    private readonly TaskCompletionSource _readStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _suppressWill;
    private volatile bool _shuttingDown;
    private PipeReader? _reader;

    public MqttBrokerConnection(MqttBroker broker, Socket socket, MqttBrokerOptions options, ILogger logger, TimeProvider time)
    {
        _broker = broker;
        _socket = socket;
        _options = options;
        _logger = logger;
        _cts = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        Outbox = new MqttOutbox(options.MaxOutgoingQueue, time);
        Remote = socket.RemoteEndPoint?.ToString() ?? "?";
    }

    public MqttOutbox Outbox { get; }

    public string Remote { get; }

    public MqttSession? Session { get; private set; }

    /// <summary>Completes when this connection no longer reads (and so no longer routes) packets.</summary>
    public Task ReadStopped => _readStopped.Task;

    /// <summary>
    /// Graceful broker shutdown, step 1: stop reading (no will). The connection then waits for
    /// <c>MqttBroker.AllReadsStopped</c> before it flushes what is queued for its client and closes,
    /// so every message acknowledged to a publisher reaches the subscribers that are connected.
    /// </summary>
    public void BeginShutdown()
    {
        _suppressWill = true;
        _shuttingDown = true;
        if (Volatile.Read(ref _reader) is { } reader)
        {
            reader.CancelPendingRead();
        }
        else
        {
            Close(publishWill: false);
        }
    }

    /// <summary>Closes the connection; the will is published unless <paramref name="publishWill"/> is false.</summary>
    public void Close(bool publishWill)
    {
        if (!publishWill)
        {
            _suppressWill = true;
        }

        try
        {
            _cts.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // already finished
        }
    }

    public async Task RunAsync()
    {
        Stream stream = new NetworkStream(_socket, ownsSocket: true);
        string reason = "peer closed the connection";
        try
        {
            _cts.CancelAfter(_options.ConnectTimeout);
            stream = await AuthenticateAsync(stream).ConfigureAwait(false);
            var writer = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
            var writeTask = Outbox.RunAsync(writer, _cts.Token);
            var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
            Volatile.Write(ref _reader, reader);
            if (_shuttingDown)
            {
                reader.CancelPendingRead();
            }

            reason = await ReadAsync(reader).ConfigureAwait(false);
            _readStopped.TrySetResult();
            if (_shuttingDown)
            {
                await _broker.AllReadsStopped.ConfigureAwait(false);
                reason = "broker shutdown";
            }

            Outbox.Complete();
            await DrainAsync(writeTask).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or System.Security.Authentication.AuthenticationException)
        {
            reason = ex is OperationCanceledException ? "closed (timeout, takeover or shutdown)" : ex.Message;
        }
        finally
        {
            _readStopped.TrySetResult();
            Outbox.Complete();
            _logger.LogDebug("mqtt broker: connection {Remote} ({ClientId}) closed: {Reason}", Remote, Session?.ClientId, reason);
            await stream.DisposeAsync().ConfigureAwait(false);
            _broker.OnConnectionClosed(this, _suppressWill ? null : _will);
            Dispose();
        }
    }

    public void Dispose() => _cts.Dispose();

    private async Task<Stream> AuthenticateAsync(Stream stream)
    {
        if (_options.ServerCertificate is null)
        {
            return stream;
        }

        var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
        await ssl.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions { ServerCertificate = _options.ServerCertificate },
            _cts.Token).ConfigureAwait(false);
        return ssl;
    }

    private async Task<string> ReadAsync(PipeReader reader)
    {
        try
        {
            await MqttPacketReader.RunAsync(reader, () => _options.MaxPacketSize, HandleAsync, OnActivity, _cts.Token).ConfigureAwait(false);
            return _will is null && Session is not null ? "DISCONNECT" : "peer closed the connection";
        }
        catch (MqttProtocolException ex)
        {
            _logger.LogInformation("mqtt broker: closing {Remote} ({ClientId}) after a protocol error {Error}: {Message}", Remote, Session?.ClientId, ex.Error, ex.Message);
            if (Session is null && ex.Error == MqttProtocolError.UnsupportedProtocolLevel)
            {
                Outbox.TryEnqueue(new ConnAckPacket(false, ConnectReturnCode.UnacceptableProtocolVersion));
            }

            return "protocol error: " + ex.Message;
        }
    }

    private async Task DrainAsync(Task writeTask)
    {
        // Let queued packets (e.g. a refusing CONNACK) reach the peer, but never wait on a stuck peer for long.
        _cts.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await writeTask.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // the peer is gone
        }
    }

    private void OnActivity()
    {
        if (_keepAliveTimeout is { } timeout)
        {
            _cts.CancelAfter(timeout);
        }
    }

    private ValueTask<bool> HandleAsync(MqttPacket packet)
    {
        var session = Session;
        if (session is null)
        {
            return ValueTask.FromResult(packet is ConnectPacket connect && HandleConnect(connect));
        }

        switch (packet)
        {
            case PublishPacket publish:
                HandlePublish(session, publish);
                break;
            case PubAckPacket ack:
                session.Complete(ack.PacketId);
                break;
            case PubRecPacket rec:
                session.Received(rec.PacketId);
                Outbox.TryEnqueue(new PubRelPacket(rec.PacketId));
                break;
            case PubCompPacket comp:
                session.Complete(comp.PacketId);
                break;
            case PubRelPacket rel:
                session.ReleaseIncomingQos2(rel.PacketId);
                Outbox.TryEnqueue(new PubCompPacket(rel.PacketId));
                break;
            case SubscribePacket subscribe:
                return SubscribeAsync(session, subscribe);
            case UnsubscribePacket unsubscribe:
                _broker.Router.Unsubscribe(session, unsubscribe);
                return AnswerWhenPersistedAsync(session, new UnsubAckPacket(unsubscribe.PacketId));
            case PingReqPacket:
                Outbox.TryEnqueue(PingRespPacket.Instance);
                break;
            case DisconnectPacket:
                _will = null;
                return ValueTask.FromResult(false);
            default:
                _logger.LogInformation("mqtt broker: closing {Remote} ({ClientId}): unexpected {Type} from a client", Remote, session.ClientId, packet.Type);
                return ValueTask.FromResult(false);
        }

        return ValueTask.FromResult(true);
    }

    private void HandlePublish(MqttSession session, PublishPacket publish)
    {
        var commits = _broker.IsDurable && publish.Qos != MqttQos.AtMostOnce ? new List<Task>() : null;
        switch (publish.Qos)
        {
            case MqttQos.AtMostOnce:
                _broker.Router.Route(publish, _scratch);
                break;
            case MqttQos.AtLeastOnce:
                _broker.Router.Route(publish, _scratch, commits);
                AckWhenDurable(commits, new PubAckPacket(publish.PacketId));
                break;
            default:
                if (session.BeginIncomingQos2(publish.PacketId))
                {
                    _broker.Router.Route(publish, _scratch, commits);
                }

                AckWhenDurable(commits, new PubRecPacket(publish.PacketId));
                break;
        }
    }

    private bool HandleConnect(ConnectPacket connect)
    {
        var code = CheckConnect(connect);
        if (code != ConnectReturnCode.Accepted)
        {
            _logger.LogInformation("mqtt broker: refusing {Remote} client id '{ClientId}': {Code}", Remote, connect.ClientId, code);
            Outbox.TryEnqueue(new ConnAckPacket(false, code));
            return false;
        }

        var clientId = connect.ClientId.Length == 0 ? "auto-" + Guid.NewGuid().ToString("N") : connect.ClientId;
        _will = connect.Will;
        var (session, present) = _broker.OpenSession(clientId, connect.CleanSession);
        Outbox.TryEnqueue(new ConnAckPacket(present, ConnectReturnCode.Accepted));
        Session = session;
        session.Attach(this);
        _keepAliveTimeout = connect.KeepAliveSeconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(connect.KeepAliveSeconds * 1.5);
        _cts.CancelAfter(_keepAliveTimeout.Value);
        _logger.LogDebug("mqtt broker: {Remote} connected as '{ClientId}' (clean={Clean}, present={Present})", Remote, clientId, connect.CleanSession, present);
        return true;
    }

    private ConnectReturnCode CheckConnect(ConnectPacket connect)
    {
        if (connect.ClientId.Length == 0 && !connect.CleanSession)
        {
            return ConnectReturnCode.IdentifierRejected;
        }

        if (_options.Username is not null)
        {
            var userOk = connect.Username == _options.Username;
            var expected = Encoding.UTF8.GetBytes(_options.Password ?? string.Empty);
            var given = connect.Password?.ToArray() ?? [];
            if (!userOk || !CryptographicOperations.FixedTimeEquals(expected, given))
            {
                return ConnectReturnCode.BadUsernameOrPassword;
            }
        }

        return _broker.ConnectionCount > _options.MaxConnections ? ConnectReturnCode.ServerUnavailable : ConnectReturnCode.Accepted;
    }
}
