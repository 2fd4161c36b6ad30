using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.EventBus.Mqtt.Broker;

/// <summary>Acknowledgements that wait for the broker's store (durable brokers only; otherwise they go out at once).</summary>
internal sealed partial class MqttBrokerConnection
{
    /// <summary>
    /// The PUBACK/PUBREC goes out once the message's durable copies are committed, and in the order the PUBLISH packets
    /// came (MQTT 3.1.1 §4.6). A failed commit closes the connection unacknowledged: the client sends the message again.
    /// </summary>
    private void AckWhenDurable(List<Task>? commits, MqttPacket ack)
    {
        if ((commits is null || commits.Count == 0) && _acks.IsCompleted)
        {
            Outbox.TryEnqueue(ack);
            return;
        }

        _acks = AckAfterAsync(_acks, commits, ack);
    }

    private async Task AckAfterAsync(Task previous, List<Task>? commits, MqttPacket ack)
    {
        await previous.ConfigureAwait(false);
        try
        {
            if (commits is { Count: > 0 })
            {
                await Task.WhenAll(commits).ConfigureAwait(false);
            }

            Outbox.TryEnqueue(ack);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            _logger.LogWarning("mqtt broker: closing {Remote}: a message could not be stored ({Error}); it is not acknowledged", Remote, e.Message);
            Close(publishWill: false);
        }
    }

    private async ValueTask<bool> SubscribeAsync(MqttSession session, SubscribePacket subscribe)
    {
        var ack = _broker.Router.Subscribe(session, subscribe, out var accepted);
        if (!await AnswerWhenPersistedAsync(session, ack).ConfigureAwait(false))
        {
            return false;
        }

        _broker.Router.DeliverRetained(session, accepted);
        return true;
    }

    /// <summary>A persistent session's subscriptions are stored before SUBACK / UNSUBACK.</summary>
    private async ValueTask<bool> AnswerWhenPersistedAsync(MqttSession session, MqttPacket answer)
    {
        try
        {
            await _broker.Router.PersistSession(session).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            _logger.LogWarning("mqtt broker: closing {Remote}: subscriptions could not be stored ({Error})", Remote, e.Message);
            return false;
        }

        Outbox.TryEnqueue(answer);
        return true;
    }
}
