using System.Diagnostics;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Actors.Edge.Host;
using Actors.Edge.Modules.DeviceTwin;
using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Edge.Modules.EventBus.Module;
using Actors.Edge.Modules.EventBus.Mqtt.Broker;
using Actors.Edge.Modules.EventBus.Mqtt.Client;
using Actors.Edge.Modules.EventBus.Mqtt.Codec;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Wire;

namespace Actors.Bench.DeviceTwin;

/// <summary>
/// The MQTT leg of the devicetwin suite. <see cref="EndToEnd"/>: mappers (MQTT clients, QoS 1) publish twin updates
/// to the internal broker of the real EventBus module, which hands them to the real DeviceTwin module (SQLite, group
/// commit), which publishes the results back over MQTT and reports to an EdgeHub stand-in that confirms; timed until
/// the last cloud report. <see cref="RawBroker"/> (baseline, same run): the same publishers and payloads through our
/// broker to one QoS 1 subscriber, no EventBus or DeviceTwin.
/// </summary>
internal static class MqttLeg
{
    private const int Publishers = 4;

    public static TimeSpan RawBroker(int devices, int updates)
    {
        var broker = new MqttBroker(new MqttBrokerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0) });
        broker.StartAsync().GetAwaiter().GetResult();
        try
        {
            var port = broker.LocalEndPoint.Port;
            var subscriber = Connect(port, "raw-subscriber");
            try
            {
                subscriber.SubscribeAsync("$hw/events/device/+/+/twin/update", MqttQos.AtLeastOnce).GetAwaiter().GetResult();
                var sw = Stopwatch.StartNew();
                var publishing = PublishAsync(port, devices, updates);
                for (var i = 0; i < updates; i++)
                {
                    ReadOrTimeout(subscriber.Messages, i, updates);
                }

                var elapsed = sw.Elapsed;
                publishing.GetAwaiter().GetResult();
                return elapsed;
            }
            finally
            {
                subscriber.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            broker.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    public static TimeSpan EndToEnd(string path, int devices, int updates, Action<string, int> seed, Func<string, string> connection)
    {
        seed(path, devices);
        var port = FreePort();
        var confirming = new ConfirmingCloud(updates);
        var cloud = confirming.Module();
        var done = confirming.Done;
        var eventBus = new EventBusModule(new EventBusOptions(true, "internal", "tcp://127.0.0.1:" + port, EventBusOptions.DefaultExternalServer));
        var twin = new DeviceTwinModule(new DeviceTwinOptions(true, "bench", path, TimeSpan.FromMinutes(10), 3), () => new SqliteDeviceStore(connection(path)));
        using var system = ActorSystem.Create("devicetwin-mqtt-bench");
        ModuleHost.Start(system, [eventBus, twin, cloud], new ModuleHostOptions(
            new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync)));
        WarmUp(port);
        var sw = Stopwatch.StartNew();
        var publishing = PublishAsync(port, devices, updates);
        if (!done.Task.Wait(TimeSpan.FromMinutes(3)))
        {
            throw new TimeoutException($"only {confirming.Received} of {updates} cloud reports arrived");
        }

        var elapsed = sw.Elapsed;
        publishing.GetAwaiter().GetResult();
        system.Terminate().Wait(TimeSpan.FromSeconds(30));
        return elapsed;
    }

    /// <summary>Waits until the whole path answers: a twin get over MQTT gets its result over MQTT.</summary>
    private static void WarmUp(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            MqttClient? probe = null;
            try
            {
                probe = Connect(port, "warm-up");
                const string device = "$hw/events/device/default/sensor-00000/twin/get";
                probe.SubscribeAsync(device + "/result", MqttQos.AtLeastOnce).GetAwaiter().GetResult();
                probe.PublishAsync(device, "{\"event_id\":\"warm-up\"}"u8.ToArray(), MqttQos.AtLeastOnce).GetAwaiter().GetResult();
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                probe.Messages.ReadAsync(cts.Token).AsTask().GetAwaiter().GetResult();
                return;
            }
            catch (Exception e) when (e is MqttClientException or System.Net.Sockets.SocketException or OperationCanceledException && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                Thread.Sleep(100);
            }
            finally
            {
                probe?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private static async Task PublishAsync(int port, int devices, int updates)
    {
        var clients = Enumerable.Range(0, Publishers).Select(p => Connect(port, "mapper-" + p)).ToList();
        try
        {
            await Task.WhenAll(clients.Select((client, p) => Task.Run(async () =>
            {
                var pending = new List<Task>();
                for (var i = p; i < updates; i += Publishers)
                {
                    var topic = $"$hw/events/device/default/sensor-{i % devices:D5}/twin/update";
                    var payload = "{\"event_id\":\"e-" + i + "\",\"timestamp\":" + i + ",\"twin\":{\"temperature\":{\"actual\":{\"value\":\"" + i + ".5\"}}}}";
                    pending.Add(client.PublishAsync(topic, Encoding.UTF8.GetBytes(payload), MqttQos.AtLeastOnce));
                    if (pending.Count == 1_000)
                    {
                        await Task.WhenAll(pending);
                        pending.Clear();
                    }
                }

                await Task.WhenAll(pending);
            })));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static MqttClient Connect(int port, string id)
    {
        var client = new MqttClient(new MqttClientOptions { Port = port, ClientId = id, MaxPendingMessages = 60_000, ReceiveQueueCapacity = 100_000 });
        client.ConnectAsync().GetAwaiter().GetResult();
        return client;
    }

    private static void ReadOrTimeout(ChannelReader<MqttApplicationMessage> reader, int i, int updates)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            reader.ReadAsync(cts.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the raw subscriber got {i} of {updates} messages");
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
