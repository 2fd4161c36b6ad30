using System.Text;
using System.Threading.Channels;
using Actors.Edge.Modules.EventBus.Mqtt.Client;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Integration.Tests.Support;

/// <summary>An MQTT client on an edgecore's broker, standing in for a device mapper or an edge application.</summary>
internal sealed class EdgeMqtt : IAsyncDisposable
{
    private readonly MqttClient _client;

    private EdgeMqtt(MqttClient client) => _client = client;

    /// <summary>Connects once <paramref name="edge"/> logged that its internal broker listens on <paramref name="port"/>.</summary>
    public static async Task<EdgeMqtt> ConnectAsync(EdgeCoreHost edge, int port, string clientId)
    {
        var listening = ":" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await edge.Process.WaitForLineAsync(l => l.Contains("mqtt broker: listening on", StringComparison.Ordinal) && l.Contains(listening, StringComparison.Ordinal), EdgeCoreHost.Deadline);
        var client = new MqttClient(new MqttClientOptions { Port = port, ClientId = clientId });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.ConnectAsync(cts.Token);
        return new EdgeMqtt(client);
    }

    public async Task SubscribeAsync(string filter)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _client.SubscribeAsync(filter, MqttQos.AtLeastOnce, cts.Token);
    }

    public async Task PublishAsync(string topic, string payload)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _client.PublishAsync(topic, Encoding.UTF8.GetBytes(payload), MqttQos.AtLeastOnce, false, cts.Token);
    }

    /// <summary>The next received message on <paramref name="topic"/> whose payload satisfies <paramref name="match"/>.</summary>
    public async Task<string> NextAsync(string topic, Func<string, bool> match, TimeSpan deadline, string what, Func<string>? context = null)
    {
        using var cts = new CancellationTokenSource(deadline);
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var message = await _client.Messages.ReadAsync(cts.Token);
                var payload = Encoding.UTF8.GetString(message.Payload.Span);
                seen.Add(message.Topic + " " + payload);
                if (message.Topic == topic && match(payload))
                {
                    return payload;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            Assert.Fail(what + " did not arrive on " + topic + " within " + deadline.TotalSeconds + " s; received: " + string.Join(" | ", seen) + (context is null ? string.Empty : "\n" + context()));
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await _client.DisposeAsync();
}
