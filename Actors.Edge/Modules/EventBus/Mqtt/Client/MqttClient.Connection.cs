using System.Text;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EventBus.Mqtt.Client;

// Connection management and the receive path of MqttClient.
public sealed partial class MqttClient
{
    private async Task<(MqttClientConnection Connection, bool Present)> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await MqttClientConnection.OpenAsync(_options, _time, cancellationToken).ConfigureAwait(false);
        var connAck = new TaskCompletionSource<ConnAckPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Start(packet => HandleAsync(connection, connAck, packet));
        connection.Outbox.TryEnqueue(new ConnectPacket(
            _options.ClientId,
            _options.CleanSession,
            (ushort)_options.KeepAlive.TotalSeconds,
            _options.Username,
            _options.Password is null ? (ReadOnlyMemory<byte>?)null : Encoding.UTF8.GetBytes(_options.Password),
            _options.Will));
        try
        {
            await Task.WhenAny(connAck.Task, connection.Completion)
                .WaitAsync(_options.ConnectTimeout, _time, cancellationToken).ConfigureAwait(false);
            if (!connAck.Task.IsCompleted)
            {
                throw new MqttClientException("the connection closed before CONNACK: " + connection.CloseReason);
            }

            var ack = await connAck.Task.ConfigureAwait(false);
            if (ack.ReturnCode != ConnectReturnCode.Accepted)
            {
                throw new MqttClientException("the broker refused the connection: " + ack.ReturnCode, ack.ReturnCode);
            }

            if (!Activate(connection, ack.SessionPresent))
            {
                throw new OperationCanceledException("the client is closing");
            }

            return (connection, ack.SessionPresent);
        }
        catch
        {
            connection.Close("connect failed");
            await connection.Completion.ConfigureAwait(false);
            connection.Dispose();
            throw;
        }
    }

    private bool Activate(MqttClientConnection connection, bool sessionPresent)
    {
        lock (_gate)
        {
            if (_closing)
            {
                return false;
            }

            if (!sessionPresent)
            {
                _session.IncomingQos2.Clear();
                if (_session.Subscriptions.Count > 0)
                {
                    var restore = _session.Subscriptions.Select(p => new TopicSubscription(p.Key, p.Value)).ToList();
                    var ignored = new TaskCompletionSource<MqttPacket>(TaskCreationOptions.RunContinuationsAsynchronously);
                    connection.Outbox.TryEnqueue(new SubscribePacket(_session.AddRequest(ignored), restore));
                }
            }

            foreach (var packet in _session.Resend())
            {
                connection.Outbox.TryEnqueue(packet);
            }

            _connection = connection;
            _connectCount++;
        }

        _logger.LogInformation("mqtt client '{ClientId}': connected to {Host}:{Port} (session present: {Present})", _options.ClientId, _options.Host, _options.Port, sessionPresent);
        return true;
    }

    private async Task SuperviseAsync(MqttClientConnection connection)
    {
        var current = connection;
        while (true)
        {
            await current.Completion.ConfigureAwait(false);
            lock (_gate)
            {
                if (ReferenceEquals(_connection, current))
                {
                    _connection = null;
                }

                _session.FailRequests("the connection was lost: " + current.CloseReason);
            }

            current.Dispose();
            if (_closing || !_options.AutoReconnect)
            {
                return;
            }

            _logger.LogWarning("mqtt client '{ClientId}': connection lost ({Reason}); reconnecting", _options.ClientId, current.CloseReason);
            var next = await ReconnectAsync().ConfigureAwait(false);
            if (next is null)
            {
                return;
            }

            current = next;
        }
    }

    private async Task<MqttClientConnection?> ReconnectAsync()
    {
        for (var attempt = 0; !_lifetime.IsCancellationRequested; attempt++)
        {
            try
            {
                var delay = ReconnectBackoff.Delay(attempt, _options.ReconnectMinDelay, _options.ReconnectMaxDelay, _random);
                await Task.Delay(delay, _time, _lifetime.Token).ConfigureAwait(false);
                var (connection, _) = await OpenAsync(_lifetime.Token).ConfigureAwait(false);
                return connection;
            }
            catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex)
            {
                _logger.LogDebug("mqtt client '{ClientId}': reconnect attempt {Attempt} failed: {Message}", _options.ClientId, attempt + 1, ex.Message);
            }
        }

        return null;
    }

    private async ValueTask<bool> HandleAsync(MqttClientConnection connection, TaskCompletionSource<ConnAckPacket> connAck, MqttPacket packet)
    {
        switch (packet)
        {
            case ConnAckPacket ack:
                return connAck.TrySetResult(ack);
            case PublishPacket publish:
                await ReceiveAsync(connection, publish).ConfigureAwait(false);
                return true;
            case PubAckPacket ack:
                CompletePublish(ack.PacketId);
                return true;
            case PubRecPacket rec:
                lock (_gate)
                {
                    _session.MarkReceived(rec.PacketId);
                }

                connection.Outbox.TryEnqueue(new PubRelPacket(rec.PacketId));
                return true;
            case PubCompPacket comp:
                CompletePublish(comp.PacketId);
                return true;
            case PubRelPacket rel:
                lock (_gate)
                {
                    _session.IncomingQos2.Remove(rel.PacketId);
                }

                connection.Outbox.TryEnqueue(new PubCompPacket(rel.PacketId));
                return true;
            case SubAckPacket or UnsubAckPacket:
                lock (_gate)
                {
                    _session.CompleteRequest(packet is SubAckPacket s ? s.PacketId : ((UnsubAckPacket)packet).PacketId, packet);
                }

                return true;
            case PingRespPacket:
                connection.OnPingResponse();
                return true;
            default:
                connection.Close("unexpected " + packet.Type + " from the broker");
                return false;
        }
    }

    private void CompletePublish(ushort id)
    {
        bool completed;
        lock (_gate)
        {
            completed = _session.CompletePublish(id);
        }

        if (completed)
        {
            _slots.Release();
        }
    }

    private async ValueTask ReceiveAsync(MqttClientConnection connection, PublishPacket publish)
    {
        var message = new MqttApplicationMessage(publish.Topic, publish.Payload, publish.Qos, publish.Retain, publish.Dup);
        switch (publish.Qos)
        {
            case MqttQos.AtMostOnce:
                await _messages.Writer.WriteAsync(message, _lifetime.Token).ConfigureAwait(false);
                break;
            case MqttQos.AtLeastOnce:
                await _messages.Writer.WriteAsync(message, _lifetime.Token).ConfigureAwait(false);
                connection.Outbox.TryEnqueue(new PubAckPacket(publish.PacketId));
                break;
            default:
                bool isNew;
                lock (_gate)
                {
                    isNew = _session.IncomingQos2.Add(publish.PacketId);
                }

                if (isNew)
                {
                    await _messages.Writer.WriteAsync(message, _lifetime.Token).ConfigureAwait(false);
                }

                connection.Outbox.TryEnqueue(new PubRecPacket(publish.PacketId));
                break;
        }
    }
}
