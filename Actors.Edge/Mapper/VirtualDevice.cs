using System.Text;
using System.Text.Json;
using Actors.Edge.Modules.EventBus.Mqtt.Client;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Mapper;

/// <summary>
/// A simulated device behind a mapper, on KubeEdge's MQTT contract: it reports itself online, applies every desired
/// value it learns (from the twin document at start and from each delta) by reporting it as the actual value, and
/// reports a simulated reading of each configured property every interval. Lines describing what it did go to the output.
/// </summary>
public sealed class VirtualDevice
{
    private readonly MapperArguments _args;
    private readonly TextWriter _output;
    private readonly TimeProvider _time;

    public VirtualDevice(MapperArguments args, TextWriter output, TimeProvider? time = null)
    {
        _args = args ?? throw new ArgumentNullException(nameof(args));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Runs until <paramref name="stop"/> is cancelled; reconnects on its own when the broker goes away.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var clientId = "mapper-" + _args.DeviceId.Replace('/', '-');
        await using var client = new MqttClient(new MqttClientOptions { Host = _args.Host, Port = _args.Port, ClientId = clientId }, timeProvider: _time);
        await client.ConnectAsync(stop).ConfigureAwait(false);
        await client.SubscribeAsync(
            [new TopicSubscription(Topic("twin/update/delta"), MqttQos.AtLeastOnce), new TopicSubscription(Topic("twin/get/result"), MqttQos.AtLeastOnce)],
            stop).ConfigureAwait(false);
        await PublishAsync(client, "state/update", MapperPayloads.State(Now(), "online"), stop).ConfigureAwait(false);
        await PublishAsync(client, "twin/get", MapperPayloads.TwinGet(Now(), clientId), stop).ConfigureAwait(false);
        await WriteAsync("connected to " + _args.Host + ":" + _args.Port + " as device " + _args.DeviceId).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(ReceiveAsync(client, stop), ReportAsync(client, stop)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private async Task ReceiveAsync(MqttClient client, CancellationToken stop)
    {
        await foreach (var message in client.Messages.ReadAllAsync(stop).ConfigureAwait(false))
        {
            IReadOnlyDictionary<string, (string Value, string Type)> desired;
            try
            {
                var payload = Encoding.UTF8.GetString(message.Payload.Span);
                desired = message.Topic.EndsWith("/delta", StringComparison.Ordinal) ? MapperPayloads.Delta(payload) : MapperPayloads.Unapplied(payload);
            }
            catch (Exception e) when (e is JsonException or DecoderFallbackException)
            {
                await WriteAsync("ignored a malformed message on " + message.Topic + ": " + e.Message).ConfigureAwait(false);
                continue;
            }

            if (desired.Count == 0)
            {
                continue;
            }

            await PublishAsync(client, "twin/update", MapperPayloads.TwinReport(Now(), desired.Select(d => (d.Key, d.Value.Value, d.Value.Type))), stop).ConfigureAwait(false);
            await WriteAsync("applied desired " + string.Join(", ", desired.Select(d => d.Key + "=" + d.Value.Value)) + " (reported as actual)").ConfigureAwait(false);
        }
    }

    private async Task ReportAsync(MqttClient client, CancellationToken stop)
    {
        if (_args.Reports.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(_args.Interval, _time);
        do
        {
            var reading = MapperPayloads.Reading(Now());
            await PublishAsync(client, "twin/update", MapperPayloads.TwinReport(Now(), _args.Reports.Select(r => (r, reading, "float"))), stop).ConfigureAwait(false);
            await WriteAsync("reported " + string.Join(", ", _args.Reports.Select(r => r + "=" + reading))).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false));
    }

    private Task PublishAsync(MqttClient client, string suffix, string payload, CancellationToken stop) =>
        client.PublishAsync(Topic(suffix), Encoding.UTF8.GetBytes(payload), MqttQos.AtLeastOnce, false, stop);

    private string Topic(string suffix) => MapperPayloads.Topic(_args.DeviceId, suffix);

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private Task WriteAsync(string line) => _output.WriteLineAsync("mapper " + _args.DeviceId + ": " + line);
}
