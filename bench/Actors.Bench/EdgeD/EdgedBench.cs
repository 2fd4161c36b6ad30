using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Actors.Edge.Modules.EdgeD;
using Actors.Kernel.Actor;
using Actors.Kernel.Configuration;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Bench.EdgeD;

/// <summary>
/// Pod start latency through EdgeD (pod insert message on the bus → first status patch with every container Running)
/// on the process runtime and on containerd, sequential (one pod at a time) and as a burst of N pods, plus the
/// bench process's memory with N pods running; baseline: `ctr run -d` of the same image on the same containerd.
///   Actors.Bench edged [--pods N]   (containerd rows need EDGEACTORS_CRI_ENDPOINT, from Tests/setup/30-containerd.sh)
///   Actors.Bench edged --edgecore-memory [--pods N]   (a real edgecore process: see <see cref="EdgecoreMemoryBench"/>)
/// </summary>
public static class EdgedBench
{
    public static int Run(string[] args)
    {
        var podsAt = Array.IndexOf(args, "--pods");
        var pods = podsAt >= 0 && podsAt + 1 < args.Length ? int.Parse(args[podsAt + 1], CultureInfo.InvariantCulture) : 50;
        var endpoint = Environment.GetEnvironmentVariable("EDGEACTORS_CRI_ENDPOINT");
        var image = Environment.GetEnvironmentVariable("EDGEACTORS_CRI_BUSYBOX_IMAGE") ?? "localhost/edgeactors/busybox:latest";
        if (args.Contains("--edgecore-memory"))
        {
            EdgecoreMemoryBench.Run(pods, endpoint, image);
            return 0;
        }

        Console.WriteLine($"# EdgeD pod start latency ({pods} pods of one busybox container, `sleep 3600`; 3 warm-up pods first)");
        Console.WriteLine();
        Console.WriteLine("| runtime | mode | p50 ms | p99 ms | max ms | all Running after ms | managed heap MB | working set MB (Δ vs before EdgeD) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        RunOne("process", null, image, pods);
        if (endpoint is null)
        {
            Console.Error.WriteLine("EDGEACTORS_CRI_ENDPOINT not set: containerd rows skipped (Tests/setup/30-containerd.sh start DIR)");
            return 0;
        }

        RunOne("containerd", endpoint, image, pods);
        var ctr = CtrBaseline.Run(endpoint, image, pods);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| baseline: `ctr run -d` (same containerd, same image) | sequential | {At(ctr, 0.5):F1} | {At(ctr, 0.99):F1} | {ctr[^1]:F1} | {ctr.Sum():F0} | - | - |"));
        return 0;
    }

    private static void RunOne(string runtime, string? endpoint, string image, int pods)
    {
        var dataDir = Directory.CreateTempSubdirectory("edged-bench-").FullName;
        var system = ActorSystem.Create("edged-bench");
        try
        {
            GC.Collect();
            var before = Environment.WorkingSet;
            var meta = new BenchMetaManager();
            var config = ConfigurationFactory.ParseString($$"""
                edgecore {
                  node-name = bench-node
                  data-dir = "{{dataDir}}"
                  modules.edged {
                    runtime = {{(endpoint is null ? "process" : "cri")}}
                    cri-endpoint = "{{endpoint ?? "unix:///run/containerd/containerd.sock"}}"
                    host-network-only = on
                  }
                }
                """);
            var correlation = new ModuleCorrelation(EnvelopeCorrelation.IdOf, EnvelopeCorrelation.ParentIdOf, EnvelopeCorrelation.MarkSync);
            var bus = ModuleHost.Start(system, [EdgedModule.From(config), meta], new ModuleHostOptions(correlation));
            Start(bus, meta, "warm", image, 3, oneAtATime: true, out _);
            Delete(bus, meta, "warm", 3);
            var sequential = Start(bus, meta, "seq", image, pods, oneAtATime: true, out _);
            Delete(bus, meta, "seq", pods);
            var burst = Start(bus, meta, "burst", image, pods, oneAtATime: false, out var total);
            GC.Collect();
            var heap = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
            var working = Environment.WorkingSet;
            Row(runtime, "sequential", sequential, sequential.Sum(), null, null);
            Row(runtime, $"burst of {pods}", burst, total, heap, (working / 1048576.0, (working - before) / 1048576.0));
            Delete(bus, meta, "burst", pods);
        }
        finally
        {
            system.Terminate().Wait(TimeSpan.FromSeconds(30));
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static List<double> Start(ModuleBus bus, BenchMetaManager meta, string prefix, string image, int pods, bool oneAtATime, out double totalMs)
    {
        var sent = new long[pods];
        var tasks = new Task<long>[pods];
        var all = Stopwatch.StartNew();
        for (var i = 0; i < pods; i++)
        {
            var name = $"{prefix}-{i}";
            var tcs = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            meta.Running[name] = tcs;
            tasks[i] = tcs.Task;
            sent[i] = Stopwatch.GetTimestamp();
            bus.Send(ModuleNames.EdgeD, new BusMessage(PodMessage(Operations.Insert, name, image)));
            if (oneAtATime)
            {
                tcs.Task.WaitAsync(TimeSpan.FromMinutes(2)).GetAwaiter().GetResult();
            }
        }

        Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
        totalMs = all.Elapsed.TotalMilliseconds;
        var samples = tasks.Select((t, i) => Stopwatch.GetElapsedTime(sent[i], t.Result).TotalMilliseconds).ToList();
        samples.Sort();
        return samples;
    }

    private static void Delete(ModuleBus bus, BenchMetaManager meta, string prefix, int pods)
    {
        var tasks = new List<Task<long>>();
        for (var i = 0; i < pods; i++)
        {
            var name = $"{prefix}-{i}";
            var tcs = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            meta.Deleted[name] = tcs;
            tasks.Add(tcs.Task);
            bus.Send(ModuleNames.EdgeD, new BusMessage(PodMessage(Operations.Delete, name, string.Empty)));
        }

        Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
    }

    private static MessageEnvelope PodMessage(string operation, string name, string image)
    {
        var pod = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "bench", ["uid"] = Guid.NewGuid().ToString() },
            ["spec"] = new JsonObject
            {
                ["hostNetwork"] = true,
                ["terminationGracePeriodSeconds"] = 0,
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "c", ["image"] = image.Length > 0 ? image : "x", ["command"] = new JsonArray("/bin/sleep", "3600") }),
            },
        };
        return new MessageEnvelope(
            MessageHeader.New(TimeProvider.System),
            new MessageRoute(ModuleNames.MetaManager, Groups.EdgeD, operation, "bench/pod/" + name),
            MessageContent.FromJson(Encoding.UTF8.GetBytes(pod.ToJsonString())));
    }

    private static void Row(string runtime, string mode, List<double> s, double total, double? heap, (double Ws, double Delta)? ws) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| EdgeD on {runtime} | {mode} | {At(s, 0.5):F1} | {At(s, 0.99):F1} | {s[^1]:F1} | {total:F0} | {(heap is { } h ? h.ToString("F1", CultureInfo.InvariantCulture) : "-")} | {(ws is { } w ? $"{w.Ws:F0} (+{w.Delta:F0})" : "-")} |"));

    internal static double At(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
