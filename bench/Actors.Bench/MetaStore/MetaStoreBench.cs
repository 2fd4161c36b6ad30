using System.Diagnostics;
using System.Globalization;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Modules.MetaManager.Storage.Models;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Bench.MetaStore;

/// <summary>
/// <c>Actors.Bench metastore [--ops N] [--batch N]</c>: MetaManager's store on a realistic mix (40 % inserts of new
/// pods, 40 % updates of stored pods, 20 % get-by-key) with writes batched per transaction, unbatched upserts, and
/// raw Microsoft.Data.Sqlite <c>INSERT OR REPLACE</c> into the same table as the baseline, all in one run; then the
/// MetaManager module end to end (<see cref="MetaManagerModuleBench"/>, <c>--module-ops N</c>) with and without group commit.
/// </summary>
public static class MetaStoreBench
{
    public static int Run(string[] args)
    {
        var ops = IntArg(args, "--ops", 50_000);
        var batch = IntArg(args, "--batch", 100);
        var moduleOps = IntArg(args, "--module-ops", 20_000);
        var dir = Directory.CreateTempSubdirectory("edgeactors-bench-metastore-").FullName;
        try
        {
            RunAll(dir, ops, batch, moduleOps).GetAwaiter().GetResult();
            return 0;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task RunAll(string dir, int ops, int batch, int moduleOps)
    {
        var value = PodJson("pod-0", 0);
        Console.WriteLine($"# metastore benchmark: SQLite WAL synchronous=NORMAL, pod JSON {value.Length} B, batch {batch}, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| case | ops | seconds | ops/s |");
        Console.WriteLine("|---|---:|---:|---:|");

        Row("baseline: raw INSERT OR REPLACE, 1 transaction per insert", RawInserts(Path.Combine(dir, "raw1.db"), Math.Min(ops, 5_000), 1), Math.Min(ops, 5_000));
        Row($"baseline: raw INSERT OR REPLACE, {batch} per transaction", RawInserts(Path.Combine(dir, "rawb.db"), ops, batch), ops);

        await using (var store = Open(Path.Combine(dir, "single.db")))
        {
            var n = Math.Min(ops, 5_000);
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < n; i++)
            {
                await store.UpsertAsync(MetaRecord.For("default", "pod", $"pod-{i % 1000}", PodJson($"pod-{i % 1000}", i)));
            }

            Row("store: UpsertAsync (change detection), 1 transaction each", sw.Elapsed, n);
        }

        await using (var store = Open(Path.Combine(dir, "mix.db")))
        {
            Row($"store: mix 40 % insert / 40 % update / 20 % get, writes batched by {batch}", await Mix(store, ops, batch), ops);
            var sw = Stopwatch.StartNew();
            var listed = 0;
            for (var i = 0; i < 20; i++)
            {
                listed += (await store.ListAsync("pod", "default")).Records.Count;
            }

            Row($"store: ListAsync(pod, default), 20 lists", sw.Elapsed, listed, "rows");
        }

        foreach (var size in new[] { 1, Actors.Edge.Host.MetaManagerOptions.DefaultWriteBatchSize })
        {
            var (elapsed, acked, errors, forwarded) = await MetaManagerModuleBench.RunAsync(Path.Combine(dir, $"module-{size}.db"), moduleOps, size, PodJson);
            var what = size == 1 ? "one transaction per message" : $"group commit, write-batch-size {size}";
            Row($"module: cloud messages → committed + ACKed ({what}; {forwarded} forwarded to edged, {errors} errors)", elapsed, acked);
        }
    }

    private static async Task<TimeSpan> Mix(SqliteMetaStore store, int ops, int batch)
    {
        var writes = new List<MetaWrite>(batch);
        var (inserted, sw) = (0, Stopwatch.StartNew());
        for (var i = 0; i < ops; i++)
        {
            switch (i % 5)
            {
                case 0 or 1:
                    writes.Add(new MetaWrite.Upsert(MetaRecord.For("default", "pod", $"pod-{inserted}", PodJson($"pod-{inserted}", i))));
                    inserted++;
                    break;
                case 2 or 3:
                    var name = $"pod-{(inserted == 0 ? 0 : i % inserted)}";
                    writes.Add(new MetaWrite.Upsert(MetaRecord.For("default", "pod", name, PodJson(name, i))));
                    break;
                default:
                    await store.GetAsync($"default/pod/pod-{i % Math.Max(1, inserted)}");
                    break;
            }

            if (writes.Count >= batch)
            {
                await store.WriteBatchAsync(writes);
                writes = new List<MetaWrite>(batch);
            }
        }

        await store.WriteBatchAsync(writes);
        return sw.Elapsed;
    }

    private static TimeSpan RawInserts(string path, int n, int perTransaction)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using (var setup = c.CreateCommand())
        {
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; CREATE TABLE meta (key TEXT PRIMARY KEY, type TEXT, value TEXT);";
            setup.ExecuteNonQuery();
        }

        var sw = Stopwatch.StartNew();
        for (var done = 0; done < n;)
        {
            using var tx = c.BeginTransaction();
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT OR REPLACE INTO meta (key, type, value) VALUES ($k, 'pod', $v)";
            var (k, v) = (cmd.Parameters.Add("$k", SqliteType.Text), cmd.Parameters.Add("$v", SqliteType.Text));
            for (var j = 0; j < perTransaction && done < n; j++, done++)
            {
                (k.Value, v.Value) = ($"default/pod/pod-{done}", PodJson($"pod-{done}", done));
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
        }

        return sw.Elapsed;
    }

    private static SqliteMetaStore Open(string path) =>
        new(path, new MetaStoreOptions(), NullLogger<SqliteMetaStore>.Instance);

    private static string PodJson(string name, int version) =>
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"default\",\"uid\":\"6f1c2d3e-0000-4a5b-9c8d-"
        + name.GetHashCode(StringComparison.Ordinal).ToString("x12", CultureInfo.InvariantCulture) + "\",\"resourceVersion\":\""
        + version.ToString(CultureInfo.InvariantCulture) + "\",\"labels\":{\"app\":\"web\",\"tier\":\"frontend\"}},"
        + "\"spec\":{\"nodeName\":\"edge-node-1\",\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.27\",\"ports\":[{\"containerPort\":80}],"
        + "\"resources\":{\"limits\":{\"cpu\":\"200m\",\"memory\":\"128Mi\"}}}]},\"status\":{\"phase\":\"Running\",\"podIP\":\"10.0.0.7\"}}";

    private static void Row(string label, TimeSpan elapsed, int count, string unit = "ops") =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {count} {unit} | {elapsed.TotalSeconds:F3} | {count / elapsed.TotalSeconds:F0} |"));

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
