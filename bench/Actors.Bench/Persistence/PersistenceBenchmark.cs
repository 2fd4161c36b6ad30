using System.Diagnostics;
using System.Globalization;
using Actors.Kernel.Persistence.Journal;
using Actors.Kernel.Persistence.Serialization;
using Actors.Kernel.Persistence.Sqlite;
using Microsoft.Data.Sqlite;

namespace Actors.Bench.Persistence;

/// <summary>
/// <c>Actors.Bench persistence [--writers N] [--events-per-writer N] [--synchronous full|normal]</c>:
/// persisted events/s through the group-commit SQLite journal with N concurrent writers that each
/// await every write (as persistent actors do with Persist), recovery speed, and raw SQLite
/// baselines measured in the same run on the same schema and pragmas.
/// </summary>
public sealed class PersistenceBenchmark
{
    private TimeSpan _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;

    public static int Run(string[] args)
    {
        var writers = IntArg(args, "--writers", 100);
        var perWriter = IntArg(args, "--events-per-writer", 500);
        var sync = StringArg(args, "--synchronous", "full");
        var dir = Directory.CreateTempSubdirectory("edgeactors-bench-persistence-").FullName;
        try
        {
            new PersistenceBenchmark().RunAll(dir, writers, perWriter, Enum.Parse<SqliteSynchronousMode>(sync, ignoreCase: true)).GetAwaiter().GetResult();
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private async Task RunAll(string dir, int writers, int perWriter, SqliteSynchronousMode sync)
    {
        var registry = new SerializerRegistry().Register<BenchEvent>("bench-event.v1");
        var sample = new BenchEvent("nginx-7d9c8b5f4-x2x9q", "edge-node-017", "update", 1, 123456);
        var payload = registry.Serialize(sample).Bytes;
        var options = new SqliteJournalOptions
        {
            ConnectionString = $"Data Source={Path.Combine(dir, "journal.db")}", AutoInitialize = true, Synchronous = sync,
        };
        using var journal = new SqliteJournal(options, registry);
        var syncName = sync.ToString().ToUpperInvariant();
        Console.WriteLine($"# persistence benchmark: SQLite WAL, synchronous={syncName}, payload {payload.Length} B, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| case | events | seconds | events/s | transactions | process CPU s |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");

        var perInsert = RawSqliteBaseline.OneTransactionPerInsert(options.ConnectionString, syncName, payload, 20_000, TimeSpan.FromSeconds(5));
        Row("baseline: raw insert, 1 transaction per insert", perInsert.Events, perInsert.Elapsed, perInsert.Events);
        var bulk = RawSqliteBaseline.OneTransactionForAll(options.ConnectionString, syncName, payload, writers * perWriter);
        Row("baseline: raw insert, 1 transaction for all", bulk.Events, bulk.Elapsed, 1);

        await Measure(new MemoryJournal(registry), $"reference: MemoryJournal (serializes, no I/O), {writers} writers", writers, perWriter, sample, _ => 0);
        await Measure(journal, "journal: 1 writer, await each event", 1, Math.Min(perWriter * 4, 2000), sample);
        await Measure(journal, $"journal: {writers} writers, await each event (group commit)", writers, perWriter, sample);
        var batchesBefore = journal.CommittedBatches;
        var (actorEvents, actorElapsed) = await PersistentActorBench.Run(journal, writers, perWriter, sample);
        Row($"persistent-actor: {writers} ReceivePersistentActors, Persist each event", actorEvents, actorElapsed, journal.CommittedBatches - batchesBefore);
        await Recover(journal, writers, perWriter);
    }

    private Task Measure(SqliteJournal journal, string name, int writers, int perWriter, BenchEvent sample) =>
        Measure(journal, name, writers, perWriter, sample, j => ((SqliteJournal)j).CommittedBatches);

    private async Task Measure(IAsyncJournal journal, string name, int writers, int perWriter, BenchEvent sample, Func<IAsyncJournal, long> batches)
    {
        var prefix = $"w{writers}-";
        var batchesBefore = batches(journal);
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var seq = 1; seq <= perWriter; seq++)
            {
                var write = new AtomicWrite(new Persistent(sample with { Attempt = seq }, seq, prefix + w));
                var results = await journal.WriteMessagesAsync([write]);
                if (results[0] is { } rejected)
                {
                    throw rejected;
                }
            }
        })));
        Row(name, (long)writers * perWriter, sw.Elapsed, batches(journal) - batchesBefore);
    }

    private async Task Recover(SqliteJournal journal, int writers, int perWriter)
    {
        long replayed = 0;
        var sw = Stopwatch.StartNew();
        for (var w = 0; w < writers; w++)
        {
            await journal.ReplayMessagesAsync($"w{writers}-{w}", 1, long.MaxValue, long.MaxValue, _ => replayed++);
        }

        Row($"recovery: replay {writers} streams one after another", replayed, sw.Elapsed, 0);
        long concurrent = 0;
        sw.Restart();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w =>
            journal.ReplayMessagesAsync($"w{writers}-{w}", 1, long.MaxValue, long.MaxValue, _ => Interlocked.Increment(ref concurrent))));
        Row($"recovery: replay {writers} streams concurrently", concurrent, sw.Elapsed, 0);
    }

    /// <summary>Prints one result row; CPU is the process's CPU time since the previous row (load-independent).</summary>
    private void Row(string name, long events, TimeSpan elapsed, long transactions)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var used = cpu - _lastCpu;
        _lastCpu = cpu;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {events:N0} | {elapsed.TotalSeconds:F2} | {events / elapsed.TotalSeconds:N0} | {(transactions > 0 ? transactions.ToString("N0", CultureInfo.InvariantCulture) : "-")} | {used.TotalSeconds:F2} |"));
    }

    private static int IntArg(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    private static string StringArg(string[] args, string name, string fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
