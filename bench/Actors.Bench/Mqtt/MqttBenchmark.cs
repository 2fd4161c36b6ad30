using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Actors.Edge.Modules.EventBus.Mqtt.Broker;
using Actors.Edge.Modules.EventBus.Mqtt.Client;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Bench.Mqtt;

/// <summary>
/// Broker throughput and latency: 10 publishers → 10 subscribers, partitioned (publisher i → topic
/// bench/i → subscriber i, so each message is delivered once), QoS 0 and QoS 1, against our broker and
/// against mosquitto in the same run, both driven by our client. Usage: mqtt [messages-per-publisher].
/// </summary>
public static class MqttBenchmark
{
    private const int Pairs = 10;
    private const int PayloadSize = 64;
    private const int Qos1Window = 256;

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var perPublisher = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        return RunAsync(perPublisher).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int perPublisher)
    {
        var results = new List<MqttBenchResult>();
        await using (var broker = new MqttBroker(new MqttBrokerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), MaxOutgoingQueue = 50_000 }))
        {
            await broker.StartAsync();
            var port = broker.LocalEndPoint.Port;
            await MeasureAsync("EdgeActors broker", port, perPublisher, results);
            Console.WriteLine("  (our broker dropped " + broker.DroppedQos0Messages + " QoS 0 deliveries on full queues)");
        }

        string? mosquittoNote = null;
        try
        {
            using var mosquitto = await MosquittoProcess.StartAsync();
            await MeasureAsync("mosquitto " + mosquitto.Version, mosquitto.Port, perPublisher, results);
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            mosquittoNote = "mosquitto baseline not measured: " + ex.Message;
            Console.Error.WriteLine(mosquittoNote);
        }

        var report = MqttBenchReport.Render(results, perPublisher, Pairs, PayloadSize, Qos1Window, mosquittoNote);
        Console.WriteLine(report);
        MqttBenchReport.Write(report);
        return mosquittoNote is null ? 0 : 1;
    }

    private static async Task MeasureAsync(string broker, int port, int perPublisher, List<MqttBenchResult> results)
    {
        foreach (var qos in new[] { MqttQos.AtMostOnce, MqttQos.AtLeastOnce })
        {
            var (idle50, idle99) = await IdleLatencyAsync(port, qos, 2_000);
            var result = await RunScenarioAsync(broker, port, qos, perPublisher) with { IdleP50 = idle50, IdleP99 = idle99 };
            Console.WriteLine(result);
            results.Add(result);
        }
    }

    private static async Task<MqttBenchResult> RunScenarioAsync(string broker, int port, MqttQos qos, int perPublisher)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var subscribers = new List<MqttClient>();
        var publishers = new List<MqttClient>();
        try
        {
            for (var i = 0; i < Pairs; i++)
            {
                var sub = new MqttClient(Options(port, "sub-" + run + "-" + i));
                subscribers.Add(sub);
                await sub.ConnectAsync();
                await sub.SubscribeAsync("bench/" + run + "/" + i, qos);
                var pub = new MqttClient(Options(port, "pub-" + run + "-" + i));
                publishers.Add(pub);
                await pub.ConnectAsync();
            }

            var latencies = new long[Pairs][];
            var received = new int[Pairs];
            using var stop = new CancellationTokenSource();
            var receivers = Enumerable.Range(0, Pairs).Select(i => Task.Run(() => ReceiveAsync(subscribers[i], perPublisher, latencies, received, i, stop.Token))).ToArray();
            var started = Stopwatch.GetTimestamp();
            var senders = Enumerable.Range(0, Pairs).Select(i => Task.Run(() => PublishAsync(publishers[i], "bench/" + run + "/" + i, qos, perPublisher))).ToArray();
            await Task.WhenAll(senders);
            var allReceived = Task.WhenAll(receivers);
            if (await Task.WhenAny(allReceived, Task.Delay(TimeSpan.FromSeconds(10))) != allReceived)
            {
                await stop.CancelAsync(); // QoS 0 losses: stop waiting for messages that will not come
            }

            await Task.WhenAll(receivers.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
            var elapsed = Stopwatch.GetElapsedTime(started);
            var delivered = received.Sum();
            var all = latencies.SelectMany((l, i) => l.Take(received[i])).Order().ToArray();
            return new MqttBenchResult(broker, qos, Pairs * perPublisher, delivered, elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
        }
        finally
        {
            foreach (var client in subscribers.Concat(publishers))
            {
                await client.DisposeAsync();
            }
        }
    }

    /// <summary>One publisher, one subscriber, one message at a time: publish → receive latency without queueing.</summary>
    private static async Task<(TimeSpan P50, TimeSpan P99)> IdleLatencyAsync(int port, MqttQos qos, int count)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await using var sub = new MqttClient(Options(port, "lsub-" + run));
        await using var pub = new MqttClient(Options(port, "lpub-" + run));
        await sub.ConnectAsync();
        await pub.ConnectAsync();
        await sub.SubscribeAsync("lat/" + run, qos);
        var samples = new long[count];
        var payload = new byte[PayloadSize];
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var publish = pub.PublishAsync("lat/" + run, payload, qos);
            await sub.Messages.ReadAsync();
            samples[i] = Stopwatch.GetTimestamp() - started;
            await publish;
        }

        Array.Sort(samples);
        return (Percentile(samples, 0.50), Percentile(samples, 0.99));
    }

    private static MqttClientOptions Options(int port, string id) => new()
    {
        Port = port,
        ClientId = id,
        KeepAlive = TimeSpan.FromSeconds(30),
        AutoReconnect = false,
        MaxPendingMessages = 20_000,
        ReceiveQueueCapacity = 50_000,
    };

    private static async Task PublishAsync(MqttClient client, string topic, MqttQos qos, int count)
    {
        var window = new Queue<Task>(Qos1Window);
        for (var j = 0; j < count; j++)
        {
            var payload = new byte[PayloadSize];
            BinaryPrimitives.WriteInt64LittleEndian(payload, Stopwatch.GetTimestamp());
            var publish = client.PublishAsync(topic, payload, qos);
            if (qos == MqttQos.AtMostOnce)
            {
                await publish;
                continue;
            }

            window.Enqueue(publish);
            if (window.Count >= Qos1Window)
            {
                await window.Dequeue();
            }
        }

        await Task.WhenAll(window);
    }

    private static async Task ReceiveAsync(MqttClient client, int expected, long[][] latencies, int[] received, int index, CancellationToken cancellationToken)
    {
        var samples = new long[expected];
        latencies[index] = samples;
        var reader = client.Messages;
        var count = 0;
        try
        {
            while (count < expected && await reader.WaitToReadAsync(cancellationToken))
            {
                while (count < expected && reader.TryRead(out var message))
                {
                    samples[count++] = Stopwatch.GetTimestamp() - BinaryPrimitives.ReadInt64LittleEndian(message.Payload.Span);
                    Volatile.Write(ref received[index], count);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // losses; the count so far is the result
        }
    }

    private static TimeSpan Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))] / (double)Stopwatch.Frequency);
}

/// <summary>One measured scenario.</summary>
public sealed record MqttBenchResult(string Broker, MqttQos Qos, int Sent, int Delivered, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99)
{
    public TimeSpan IdleP50 { get; init; }

    public TimeSpan IdleP99 { get; init; }

    public double Throughput => Delivered / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Broker,-28} QoS {(int)Qos}: {Throughput,10:N0} msg/s  delivered {Delivered}/{Sent}  p50 {P50.TotalMilliseconds:F2} ms  p99 {P99.TotalMilliseconds:F2} ms  idle p50 {IdleP50.TotalMilliseconds:F3} ms  idle p99 {IdleP99.TotalMilliseconds:F3} ms");
}
