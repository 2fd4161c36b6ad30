using System.Diagnostics;
using System.Globalization;
using Actors.Kernel.Actor;

namespace Actors.Bench.Kernel;

/// <summary>
/// Kernel suite: tell throughput (actor pairs vs raw channel hops), single-pair round trip,
/// memory per idle actor and spawn rate. Prints a markdown table; keep runs short.
/// </summary>
public static class KernelBench
{
    private const int Inflight = 100;
    private const long TotalMessages = 4_000_000;
    private const int SpawnRuns = 3;

    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "spawn")
        {
            return SpawnOnly(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
        }

        var cores = Environment.ProcessorCount;
        var output = args.Length > 0 ? args[0] : null;
        var lines = new List<string>
        {
            "| measurement | actors (wall) | baseline (wall) | ratio | actors per CPU-s | baseline per CPU-s |",
            "|---|---|---|---|---|---|",
        };
        foreach (var pairs in new[] { 1, 2 * cores, 1000 })
        {
            Throughput(pairs, 200_000);
            ChannelThroughput(pairs, 200_000);
            var (actor, actorCpu) = Measure(() => Throughput(pairs, TotalMessages));
            var (channel, channelCpu) = Measure(() => ChannelThroughput(pairs, TotalMessages));
            lines.Add(Row("tell throughput, " + pairs + " pair(s), msg/s", actor, channel)
                + " " + F(actor * actorCpu.Wall / actorCpu.Cpu) + " | " + F(channel * channelCpu.Wall / channelCpu.Cpu) + " |");
        }

        RoundTrip(20_000);
        ChannelPingPong.RoundTrips(20_000);
        var (rt, rtTime) = Measure(() => RoundTrip(500_000));
        var (rtBase, rtBaseTime) = Measure(() => ChannelPingPong.RoundTrips(500_000).TotalNanoseconds / 500_000);
        lines.Add(Row("round trip, single pair, ns", rt, rtBase) + " " + F(rt * rtTime.Cpu / rtTime.Wall)
            + " CPU-ns | " + F(rtBase * rtBaseTime.Cpu / rtBaseTime.Wall) + " CPU-ns |");
        var (bytes, _, _) = MemoryAndSpawn(100_000);
        lines.Add("| memory per idle actor, bytes | " + F(bytes) + " | n/a | | | |");
        Spawn(20_000); // warm-up (JIT tiers), as the throughput rows have
        var spawns = Enumerable.Range(0, SpawnRuns).Select(_ => Measure(() => Spawn(100_000))).ToList();
        var ((spawnRate, spawnStartedRate), spawnCpu) = spawns.MaxBy(s => s.Result.StartedRate);
        lines.Add("| spawn rate (ActorOf returns), actors/s, best of " + SpawnRuns + " | " + F(spawnRate) + " | n/a | | | |");
        lines.Add("| spawn rate (until PreStart ran), actors/s, best of " + SpawnRuns + " | " + F(spawnStartedRate) + " | n/a | | "
            + F(100_000 / spawnCpu.Cpu) + " (incl. system start/stop) | |");
        lines.Add("| spawn rate (until PreStart ran), all " + SpawnRuns + " runs | "
            + string.Join(" / ", spawns.Select(s => F(s.Result.StartedRate))) + " | | | | |");
        lines.Add("");
        lines.Add("Load average at the end: " + LoadAverage() + ".");

        var header = "Machine: " + cores + " cores, " + Environment.OSVersion + ", .NET " + Environment.Version +
            "; " + Inflight + " messages in flight per pair, " + F(TotalMessages) + " messages per throughput run.";
        Console.WriteLine(header);
        foreach (var l in lines)
        {
            Console.WriteLine(l);
        }

        if (output is not null)
        {
            File.WriteAllLines(output, [header, "", .. lines]);
        }

        return 0;
    }

    /// <summary>Quick mode (<c>kernel spawn [runs]</c>): spawn rate and memory per actor only, several runs.</summary>
    private static int SpawnOnly(int runs)
    {
        for (var r = 0; r < runs; r++)
        {
            var (bytes, _, _) = MemoryAndSpawn(100_000);
            var (g0, g1, g2, pause) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var ((rate, started), time) = Measure(() => Spawn(100_000));
            Console.WriteLine("  GCs " + (GC.CollectionCount(0) - g0) + "/" + (GC.CollectionCount(1) - g1) + "/" + (GC.CollectionCount(2) - g2)
                + ", pause " + (GC.GetTotalPauseDuration() - pause).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms");
            Console.WriteLine("run " + r + ": ActorOf " + F(rate) + "/s, until PreStart " + F(started) + "/s, "
                + F(100_000 / time.Cpu) + " per CPU-s, " + F(bytes) + " B/actor, load " + LoadAverage());
        }

        return 0;
    }

    private static double Throughput(int pairs, long total)
    {
        var perPair = Math.Max(Inflight * 2, total / pairs / 2);
        using var system = ActorSystem.Create("bench");
        using var done = new CountdownEvent(pairs);
        var ball = new Ball();
        var pongers = new List<(IActorRef Ping, IActorRef Pong)>();
        for (var p = 0; p < pairs; p++)
        {
            var ping = system.ActorOf(Props.Create(() => new PingPongActor(0, null)));
            var pong = system.ActorOf(Props.Create(() => new PingPongActor(perPair, done)));
            pongers.Add((ping, pong));
        }

        var sw = Stopwatch.StartNew();
        foreach (var (ping, pong) in pongers)
        {
            for (var i = 0; i < Inflight; i++)
            {
                pong.Tell(ball, ping);
            }
        }

        done.Wait();
        sw.Stop();
        system.Terminate().Wait(TimeSpan.FromSeconds(10));
        return perPair * 2.0 * pairs / sw.Elapsed.TotalSeconds;
    }

    private static double ChannelThroughput(int pairs, long total)
    {
        var perPair = Math.Max(Inflight * 2, total / pairs / 2);
        var elapsed = ChannelPingPong.Run(pairs, Inflight, perPair);
        return perPair * 2.0 * pairs / elapsed.TotalSeconds;
    }

    private static double RoundTrip(long trips)
    {
        using var system = ActorSystem.Create("bench");
        using var done = new CountdownEvent(1);
        var ping = system.ActorOf(Props.Create(() => new PingPongActor(0, null)));
        var pong = system.ActorOf(Props.Create(() => new PingPongActor(trips, done)));
        var sw = Stopwatch.StartNew();
        pong.Tell(new Ball(), ping);
        done.Wait();
        sw.Stop();
        system.Terminate().Wait(TimeSpan.FromSeconds(10));
        return sw.Elapsed.TotalNanoseconds / trips;
    }

    private static (double Bytes, double SpawnRate, double StartedRate) MemoryAndSpawn(int count)
    {
        using var system = ActorSystem.Create("bench");
        using var started = new CountdownEvent(count);
        var props = Props.Create(() => new IdleActor(started));
        var keep = new IActorRef[count];
        var before = GC.GetTotalMemory(true);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            keep[i] = system.ActorOf(props);
        }

        var spawned = sw.Elapsed;
        started.Wait();
        var allStarted = sw.Elapsed;
        var after = GC.GetTotalMemory(true);
        GC.KeepAlive(keep);
        var bytes = (after - before - (long)IntPtr.Size * count) / (double)count;
        system.Terminate().Wait(TimeSpan.FromSeconds(30));
        return (bytes, count / spawned.TotalSeconds, count / allStarted.TotalSeconds);
    }

    /// <summary>Runs a measurement and returns its result with the wall and process CPU seconds it took.</summary>
    private static (T Result, (double Wall, double Cpu) Time) Measure<T>(Func<T> run)
    {
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = run();
        sw.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        return (result, (sw.Elapsed.TotalSeconds, Math.Max(cpu, 1e-6)));
    }

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static (double SpawnRate, double StartedRate) Spawn(int count)
    {
        using var system = ActorSystem.Create("bench");
        using var started = new CountdownEvent(count);
        var props = Props.Create(() => new IdleActor(started));
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            system.ActorOf(props);
        }

        var spawned = sw.Elapsed;
        started.Wait();
        var allStarted = sw.Elapsed;
        system.Terminate().Wait(TimeSpan.FromSeconds(30));
        return (count / spawned.TotalSeconds, count / allStarted.TotalSeconds);
    }

    private static string Row(string name, double actor, double baseline) =>
        "| " + name + " | " + F(actor) + " | " + F(baseline) + " | " + (actor / baseline).ToString("0.00", CultureInfo.InvariantCulture) + " |";

    private static string F(double v) => v.ToString("#,0", CultureInfo.InvariantCulture);
}
