using System.Diagnostics;
using System.Globalization;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Config;
using Actors.Cloud.Kubernetes.Informers;
using Actors.Cloud.Kubernetes.Models;

namespace Actors.Bench.K8sClient;

/// <summary>
/// Informer cache fan-out vs a naive get-per-event client, against the same local pods API:
/// an initial sync of N pods spread over M nodes, then one change to every pod delivered to its node.
/// Usage: k8sclient [pods=10000] [nodes=1000] [naive-concurrency=32].
/// </summary>
internal static class K8sClientBench
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var pods = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var nodes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32;
        Console.WriteLine($"k8sclient: {pods} pods over {nodes} nodes; naive client with {concurrency} GETs in flight; client QPS limit off");
        await InformerAsync(500, 50);
        await NaiveAsync(500, 50, concurrency);
        var results = new List<PhaseResult>();
        for (var round = 0; round < Rounds; round++)
        {
            results.AddRange(await InformerAsync(pods, nodes));
            results.AddRange(await NaiveAsync(pods, nodes, concurrency));
        }
        results = [.. results.GroupBy(r => (r.Client, r.Phase)).Select(Median)];
        Console.WriteLine();
        Console.WriteLine("| client | phase | pods delivered | time (ms) | API requests | requests per pod | pods/s |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Client} | {r.Phase} | {r.Delivered} | {r.Elapsed.TotalMilliseconds:F0} | {r.Requests} | {(double)r.Requests / r.Delivered:F4} | {r.Delivered / r.Elapsed.TotalSeconds:F0} |"));
        }
        return 0;
    }

    private const int Rounds = 3;

    private static PhaseResult Median(IEnumerable<PhaseResult> rounds)
    {
        var ordered = rounds.OrderBy(r => r.Elapsed).ToArray();
        return ordered[ordered.Length / 2];
    }

    private static KubernetesClient NewClient(BenchApiServer server)
        => new(new KubernetesClientConfiguration { Server = server.BaseAddress }, new KubernetesClientOptions { Qps = 0 });

    private static async Task<PhaseResult[]> InformerAsync(int pods, int nodes)
    {
        await using var server = await BenchApiServer.StartAsync(pods, nodes);
        using var client = NewClient(server);
        var informer = new SharedInformer<Pod>(client.Resource(KnownResources.Pods), new InformerOptions { PageSize = 500 },
            new Dictionary<string, Func<Pod, IEnumerable<string>>> { [StoreIndexers.NodeName] = StoreIndexers.PodNodeName });
        var fanOut = new NodeFanOut(pods);
        using var registration = informer.AddEventHandler(new InformerCallbacks<Pod>
        {
            OnAdd = (pod, _) => fanOut.Deliver(pod.Spec!.NodeName!),
            OnUpdate = (_, pod) => fanOut.Deliver(pod.Spec!.NodeName!),
        });
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        var run = informer.RunAsync(stop.Token);
        await fanOut.WaitAsync(Deadline);
        var syncTime = clock.Elapsed;
        await WaitForWatchAsync(server);
        var sync = new PhaseResult("informer", "initial sync (list + watch)", pods, syncTime, server.Requests);
        var before = server.Requests;
        fanOut.Reset(pods);
        clock.Restart();
        var emit = server.EmitModificationsAsync();
        var cached = await CacheCaughtUpAsync(informer, emit, server, clock);
        await emit;
        await fanOut.WaitAsync(Deadline);
        var change = new PhaseResult("informer", "one change per pod, fanned out to its node", pods, clock.Elapsed, server.Requests - before);
        var cache = new PhaseResult("informer", "(same change: informer cache caught up, checked after the server finished writing)", pods, cached, 0);
        Check(fanOut, nodes, informer.Store.IndexValues(StoreIndexers.NodeName).Count);
        await stop.CancelAsync();
        await run;
        return [sync, change, cache];
    }

    /// <summary>Diagnostic: when the informer's cache reached the last change (polled every millisecond).</summary>
    private static async Task<TimeSpan> CacheCaughtUpAsync(SharedInformer<Pod> informer, Task emit, BenchApiServer server, Stopwatch clock)
    {
        await emit;
        var target = server.LatestVersion;
        while (informer.LastResourceVersion != target)
        {
            if (clock.Elapsed > Deadline)
            {
                throw new TimeoutException("the informer cache did not catch up");
            }
            await Task.Delay(1);
        }
        return clock.Elapsed;
    }

    private static async Task<PhaseResult[]> NaiveAsync(int pods, int nodes, int concurrency)
    {
        await using var server = await BenchApiServer.StartAsync(pods, nodes);
        using var client = NewClient(server);
        var resource = client.Resource(KnownResources.Pods);
        var fanOut = new NodeFanOut(pods);
        using var gate = new SemaphoreSlim(concurrency);
        var clock = Stopwatch.StartNew();
        var names = (await resource.ListAllAsync(null, new ListOptions { Limit = 500 })).Items.Select(p => p.Metadata.Name!).ToArray();
        await Task.WhenAll(names.Select(name => GetAndDeliverAsync(resource, name, gate, fanOut)));
        using var stop = new CancellationTokenSource();
        await using var watch = await resource.WatchAsync(null, new ListOptions { ResourceVersion = "1000" }, stop.Token);
        var syncTime = clock.Elapsed;
        await WaitForWatchAsync(server);
        var sync = new PhaseResult("naive get-per-event", "initial sync (list + GET each + watch)", pods, syncTime, server.Requests);
        var before = server.Requests;
        fanOut.Reset(pods);
        clock.Restart();
        var emit = server.EmitModificationsAsync();
        var pending = new List<Task>(pods);
        await foreach (var e in watch.ReadEventsAsync(stop.Token))
        {
            pending.Add(GetAndDeliverAsync(resource, e.Object!.Metadata.Name!, gate, fanOut));
            if (pending.Count == pods)
            {
                break;
            }
        }
        await Task.WhenAll(pending);
        await emit;
        var change = new PhaseResult("naive get-per-event", "one change per pod, fanned out to its node", pods, clock.Elapsed, server.Requests - before);
        Check(fanOut, nodes, nodes);
        await stop.CancelAsync();
        return [sync, change];
    }

    private static async Task GetAndDeliverAsync(ResourceClient<Pod> resource, string name, SemaphoreSlim gate, NodeFanOut fanOut)
    {
        await gate.WaitAsync();
        try
        {
            var pod = await resource.GetAsync("default", name);
            fanOut.Deliver(pod.Spec!.NodeName!);
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task WaitForWatchAsync(BenchApiServer server)
    {
        var deadline = Stopwatch.StartNew();
        while (server.OpenWatches == 0)
        {
            if (deadline.Elapsed > Deadline)
            {
                throw new TimeoutException("the watch did not open");
            }
            await Task.Delay(5);
        }
    }

    private static void Check(NodeFanOut fanOut, int nodes, int indexedNodes)
    {
        if (fanOut.Nodes != nodes || indexedNodes != nodes)
        {
            throw new InvalidOperationException($"delivered to {fanOut.Nodes} nodes (index: {indexedNodes}), expected {nodes}");
        }
    }

    private sealed record PhaseResult(string Client, string Phase, int Delivered, TimeSpan Elapsed, long Requests);
}
