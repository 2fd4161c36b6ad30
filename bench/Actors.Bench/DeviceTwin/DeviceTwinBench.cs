using System.Diagnostics;
using Actors.Edge.Host;
using Actors.Edge.Modules.DeviceTwin;
using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Edge.Modules.DeviceTwin.Storage.Models;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.DeviceTwin;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Data.Sqlite;

namespace Actors.Bench.DeviceTwin;

/// <summary>
/// <c>Actors.Bench devicetwin [--devices N] [--updates N]</c>: end-to-end twin updates/s through the DeviceTwin module
/// on a real module bus — a mapper report arrives as EventBus's envelope, is planned by the twin worker, committed to
/// SQLite (twin row + cloud outbox row in one transaction), published back (result, document) and delivered to an
/// EdgeHub stand-in, which confirms it (the outbox row is deleted). Timed until the last cloud message arrived. Baseline
/// in the same run: the same SQL done directly with Microsoft.Data.Sqlite (per update: one transaction updating the twin
/// row and inserting the outbox row, then one deleting it).
/// </summary>
public static class DeviceTwinBench
{
    public static int Run(string[] args)
    {
        var devices = IntArg(args, "--devices", 1_000);
        var updates = IntArg(args, "--updates", 20_000);
        var dir = Directory.CreateTempSubdirectory("edgeactors-bench-devicetwin-").FullName;
        try
        {
            Console.WriteLine($"# devicetwin benchmark: {devices} devices, {updates} twin updates, SQLite WAL synchronous=NORMAL, {Environment.ProcessorCount} cores");
            Console.WriteLine();
            Console.WriteLine("| case | updates | seconds | updates/s |");
            Console.WriteLine("|---|---:|---:|---:|");
            Row("baseline: raw SQLite (update twin + insert outbox, then delete outbox), 1 update per transaction", RawSqlite(Path.Combine(dir, "raw.db"), devices, updates, 1), updates);
            Row("baseline: raw SQLite, same statements, 500 updates per transaction", RawSqlite(Path.Combine(dir, "rawb.db"), devices, updates, 500), updates);
            Row("SqliteDeviceStore alone (twin row + outbox row per update, then delete; 500 updates per transaction)", StoreOnly(Path.Combine(dir, "store.db"), devices, updates), updates);
            Row("DeviceTwin module end to end (bus → worker → SQLite → publish + cloud → confirm)", EndToEnd(Path.Combine(dir, "module.db"), devices, updates), updates);
            Row($"baseline: raw broker, {4} mappers → our broker → 1 subscriber (QoS 1, same payloads)", MqttLeg.RawBroker(devices, updates), updates);
            Row("with the MQTT leg: mappers (QoS 1) → broker → EventBus → DeviceTwin → SQLite → results over MQTT + cloud → confirm",
                MqttLeg.EndToEnd(Path.Combine(dir, "mqtt.db"), devices, updates, Seed, Connection), updates);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string DeviceId(int i) => $"default/sensor-{i:D5}";

    private static string Connection(string path) => new SqliteConnectionStringBuilder { DataSource = path }.ToString();

    private static void Seed(string path, int devices)
    {
        using var store = new SqliteDeviceStore(Connection(path));
        store.InTransaction(() =>
        {
            for (var i = 0; i < devices; i++)
            {
                var id = DeviceId(i);
                store.AddDevice(new DeviceRow(id, $"sensor-{i:D5}", null, "online", null), [], [new DeviceTwinRow(0, id, "temperature", Actual: "20")]);
            }
        });
    }

    private static TimeSpan EndToEnd(string path, int devices, int updates)
    {
        Seed(path, devices);
        var confirming = new ConfirmingCloud(updates);
        var cloud = confirming.Module();
        var done = confirming.Done;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var eventBus = new SinkModule(ModuleNames.EventBus, Groups.Bus, (_, _) => ready.TrySetResult());
        var options = new DeviceTwinOptions(true, "bench", path, TimeSpan.FromMinutes(10), 3);
        var twin = new DeviceTwinModule(options, () => new SqliteDeviceStore(Connection(path)));
        using var system = ActorSystem.Create("devicetwin-bench");
        var bus = ModuleHost.Start(system, [twin, eventBus, cloud], new ModuleHostOptions(
            new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync)));
        var envelopes = Enumerable.Range(0, updates).Select(i => new BusMessage(TwinMqttTranslator.FromMqtt(
            $"$hw/events/device/{DeviceId(i % devices)}/twin/update",
            "{\"event_id\":\"e-" + i + "\",\"timestamp\":" + i + ",\"twin\":{\"temperature\":{\"actual\":{\"value\":\"" + i + ".5\"}}}}",
            new MessageHeader(Guid.NewGuid().ToString())))).ToList();

        // The module bus buffers only a bounded number of messages for a module that is still starting: wait for a reply.
        bus.SendToGroup(Groups.Twin, new BusMessage(TwinMqttTranslator.FromMqtt(
            $"$hw/events/device/{DeviceId(0)}/twin/get", "{\"event_id\":\"warm-up\"}", new MessageHeader(Guid.NewGuid().ToString()))));
        if (!ready.Task.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("DeviceTwin did not answer the warm-up request");
        }

        var sw = Stopwatch.StartNew();
        foreach (var envelope in envelopes)
        {
            bus.SendToGroup(Groups.Twin, envelope);
        }

        if (!done.Task.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException($"only {confirming.Received} of {updates} cloud messages arrived");
        }

        var elapsed = sw.Elapsed;
        system.Terminate().Wait(TimeSpan.FromSeconds(30));
        return elapsed;
    }

    private static TimeSpan StoreOnly(string path, int devices, int updates)
    {
        Seed(path, devices);
        using var store = new SqliteDeviceStore(Connection(path));
        var envelope = new string('x', 600);
        var sw = Stopwatch.StartNew();
        for (var start = 0; start < updates; start += 500)
        {
            var ids = new List<string>(500);
            store.InTransaction(() =>
            {
                for (var i = start; i < Math.Min(updates, start + 500); i++)
                {
                    var id = DeviceId(i % devices);
                    var twin = new DeviceTwinRow(0, id, "temperature", Actual: $"{i}.5", ActualMeta: $"{{\"timestamp\":{i}}}", ActualVersion: $"{{\"cloud\":0,\"edge\":{i}}}");
                    store.ApplyTwinChanges(id, new TwinChanges([], [twin], []));
                    ids.Add(store.AddOutbox(new CloudOutboxRow(0, Guid.NewGuid().ToString(), envelope)).MsgId);
                }
            });
            store.InTransaction(() => ids.ForEach(id => store.DeleteOutbox(id)));
        }

        return sw.Elapsed;
    }

    private static TimeSpan RawSqlite(string path, int devices, int updates, int batch)
    {
        Seed(path, devices);
        using var connection = new SqliteConnection(Connection(path));
        connection.Open();
        var envelope = new string('x', 600);
        var sw = Stopwatch.StartNew();
        for (var start = 0; start < updates; start += batch)
        {
            var ids = new List<string>(batch);
            using (var transaction = connection.BeginTransaction())
            {
                for (var i = start; i < Math.Min(updates, start + batch); i++)
                {
                    var msgId = Guid.NewGuid().ToString();
                    ids.Add(msgId);
                    Execute(connection, transaction, "UPDATE device_twin SET actual = $v, actual_meta = $m, actual_version = $ver WHERE deviceid = $d AND name = 'temperature'",
                        ("$v", $"{i}.5"), ("$m", $"{{\"timestamp\":{i}}}"), ("$ver", $"{{\"cloud\":0,\"edge\":{i}}}"), ("$d", DeviceId(i % devices)));
                    Execute(connection, transaction, "INSERT INTO device_cloud_outbox (msg_id, envelope) VALUES ($id, $e)", ("$id", msgId), ("$e", envelope));
                }

                transaction.Commit();
            }

            using (var transaction = connection.BeginTransaction())
            {
                foreach (var msgId in ids)
                {
                    Execute(connection, transaction, "DELETE FROM device_cloud_outbox WHERE msg_id = $id", ("$id", msgId));
                }

                transaction.Commit();
            }
        }

        return sw.Elapsed;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    private static void Row(string name, TimeSpan elapsed, int updates) =>
        Console.WriteLine($"| {name} | {updates} | {elapsed.TotalSeconds:F2} | {updates / elapsed.TotalSeconds:F0} |");

    private static int IntArg(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var value) ? value : fallback;
    }
}
