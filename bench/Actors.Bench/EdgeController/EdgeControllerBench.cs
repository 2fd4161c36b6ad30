using System.Diagnostics;
using System.Globalization;
using System.Net;
using Actors.Cloud.ApiServer;
using Actors.Cloud.Host;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Config;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Modules.EdgeController;
using Actors.Cloud.Modules.EdgeController.Sync;
using Actors.Kernel.Actor;
using Actors.Kernel.Configuration;
using Actors.Kernel.Modules;

namespace Actors.Bench.EdgeController;

/// <summary>
/// EdgeController fan-out against the embedded API server: N pods bound to M edge nodes exist, the controller starts,
/// and the clock runs until every pod's insert reached a CloudHub stand-in for the right node. Baseline in the same run:
/// a naive controller that watches all pods and, per event, GETs the pod and its node (edge label check) before
/// delivering through the same bus. Usage: edgecontroller [pods=10000] [nodes=1000] [naive-concurrency=32].
/// </summary>
internal static class EdgeControllerBench
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var pods = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var nodes = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32;
        var dataDir = Directory.CreateTempSubdirectory("edgecontroller-bench-").FullName;
        try
        {
            await using var server = new EmbeddedApiServer(new EmbeddedApiServerOptions { DataDir = dataDir, Listen = new IPEndPoint(IPAddress.Loopback, 0) });
            await server.StartAsync();
            using var seeder = new KubernetesClient(KubeConfigLoader.Load(server.KubeconfigPath), new KubernetesClientOptions { Qps = 0 });
            var seed = Stopwatch.StartNew();
            await SeedAsync(seeder, pods, nodes);
            Console.WriteLine($"edgecontroller: seeded {nodes} edge nodes and {pods} pods in {seed.Elapsed.TotalSeconds:F1} s; client QPS limit off for every client");

            var results = new List<string>
            {
                await ControllerAsync(server.KubeconfigPath, pods, nodes),
                await NaiveAsync(server.KubeconfigPath, pods, nodes, concurrency),
            };
            Console.WriteLine();
            Console.WriteLine("| client | pods delivered | nodes reached | misrouted | time (ms) | API requests | requests per pod | pods/s |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            results.ForEach(Console.WriteLine);
            return 0;
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static async Task SeedAsync(KubernetesClient client, int pods, int nodes)
    {
        var nodeApi = client.Resource(KnownResources.Nodes);
        await Parallel.ForEachAsync(Enumerable.Range(0, nodes), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await nodeApi.CreateAsync(null, new Node
            {
                Metadata = new ObjectMeta { Name = "edge-" + i, Labels = new() { [InformerSet.EdgeNodeLabel] = string.Empty } },
            }, ct));
        var podApi = client.Resource(KnownResources.Pods);
        await Parallel.ForEachAsync(Enumerable.Range(0, pods), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await podApi.CreateAsync("default", new Pod
            {
                Metadata = new ObjectMeta { Name = "p-" + i, Namespace = "default", Labels = new() { ["app"] = "bench" } },
                Spec = new PodSpec { NodeName = "edge-" + (i % nodes), Containers = [new Container { Name = "app", Image = "nginx:1.25" }] },
            }, ct));
    }

    private static async Task<string> ControllerAsync(string kubeconfig, int pods, int nodes)
    {
        var counter = new DeliveryCounter(nodes);
        counter.Reset(pods);
        using var source = new ApiClientSource(kubeconfig, new KubernetesClientOptions { Qps = 0 });
        var client = await source.GetAsync(CancellationToken.None);
        var before = client.RequestCount;
        var system = ActorSystem.Create("edgecontroller-bench");
        try
        {
            var clock = Stopwatch.StartNew();
            var module = new EdgeControllerModule(true, source, new EdgeControllerSettings(8, TimeSpan.Zero));
            ModuleHost.Start(system, [module, counter.Module()], BusOptions());
            await counter.WaitAsync(Deadline);
            clock.Stop();
            return Row("EdgeController (informers, location cache)", counter, clock.Elapsed, client.RequestCount - before);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static async Task<string> NaiveAsync(string kubeconfig, int pods, int nodes, int concurrency)
    {
        var counter = new DeliveryCounter(nodes);
        counter.Reset(pods);
        using var client = new KubernetesClient(KubeConfigLoader.Load(kubeconfig), new KubernetesClientOptions { Qps = 0 });
        var system = ActorSystem.Create("naive-bench");
        try
        {
            var bus = ModuleHost.Start(system, [counter.Module()], BusOptions());
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource(Deadline);
            var run = NaiveController.RunAsync(client, bus, TimeProvider.System, concurrency, stop.Token);
            await counter.WaitAsync(Deadline);
            clock.Stop();
            await stop.CancelAsync();
            await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return Row("naive get-per-event (GET pod + GET node per watch event)", counter, clock.Elapsed, client.RequestCount);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static string Row(string name, DeliveryCounter c, TimeSpan elapsed, long requests) => string.Create(
        CultureInfo.InvariantCulture,
        $"| {name} | {c.Delivered} | {c.NodesSeen} | {c.Misrouted} | {elapsed.TotalMilliseconds:F0} | {requests} | {(double)requests / c.Delivered:F4} | {c.Delivered / elapsed.TotalSeconds:F0} |");

    private static ModuleHostOptions BusOptions() => CloudModules.BusOptions(ConfigurationFactory.ParseString(
        "cloudcore.modules { apiserver.enable = on, cloudhub.enable = on, edgecontroller.enable = on, devicecontroller.enable = off, router.enable = off }"));
}
