using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Actors.Cri.Runtime;
using Actors.Edge.Modules.MetaManager.Storage;
using Actors.Edge.Modules.MetaManager.Storage.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Runtime.V1;

namespace Actors.Bench.EdgeD;

/// <summary>
/// Whole-edgecore memory: a real <c>edgecore run</c> process (built next to this bench) whose MetaManager database was
/// seeded with N pods before start, so EdgeD restores and runs them (no cloud); once all N run, its working set
/// (<c>/proc/&lt;pid&gt;/status</c> VmRSS) and managed heap (its /metrics gauge) are read. Baseline in the same run:
/// the same edgecore with no pods.   Actors.Bench edged --edgecore-memory [--pods N]
/// </summary>
internal static class EdgecoreMemoryBench
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(15);

    public static void Run(int pods, string? endpoint, string image)
    {
        Console.WriteLine($"# edgecore process memory: idle vs {pods} pods (seeded in edgecore.db, restored at start; sampled {Settle.TotalSeconds:0} s after all run)");
        Console.WriteLine();
        Console.WriteLine("| edgecore | pods running | working set MB | managed heap MB | time to all Running s |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        One("baseline: idle, process runtime", 0, null, image);
        One("process runtime", pods, null, image);
        if (endpoint is not null)
        {
            One("baseline: idle, cri (containerd)", 0, endpoint, image);
            One("cri (containerd)", pods, endpoint, image);
        }
    }

    private static void One(string label, int pods, string? endpoint, string image)
    {
        var dir = Directory.CreateTempSubdirectory("edgecore-mem-").FullName;
        var prefix = "mem" + Guid.NewGuid().ToString("N")[..6] + "-";
        using var edgecore = StartEdgecore(dir, Seed(dir, pods, prefix, image), endpoint, out var metricsPort);
        try
        {
            var sw = Stopwatch.StartNew();
            var running = 0;
            while ((running = RunningAsync(edgecore.Id, prefix, endpoint).GetAwaiter().GetResult()) < pods)
            {
                if (sw.Elapsed > TimeSpan.FromMinutes(5) || edgecore.HasExited)
                {
                    throw new InvalidOperationException($"{label}: only {running} of {pods} pods running after {sw.Elapsed.TotalSeconds:0} s");
                }

                Thread.Sleep(250);
            }

            var allRunning = sw.Elapsed.TotalSeconds;
            Thread.Sleep(Settle);
            var heap = Metric(metricsPort, "edgeactors_process_managed_heap_bytes") / 1048576.0;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {running} | {RssKb(edgecore.Id) / 1024.0:F1} | {heap:F1} | {(pods == 0 ? "-" : allRunning.ToString("F1", CultureInfo.InvariantCulture))} |"));
        }
        finally
        {
            Stop(edgecore);
            if (endpoint is not null)
            {
                RemoveSandboxesAsync(endpoint, prefix).GetAwaiter().GetResult();
            }

            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static string Seed(string dir, int pods, string prefix, string image)
    {
        const string node = "bench-mem-node";
        var store = new SqliteMetaStore(Path.Combine(dir, "edgecore.db"), new MetaStoreOptions(), NullLogger<SqliteMetaStore>.Instance);
        using var close = new DisposeAction(() => store.DisposeAsync().AsTask().GetAwaiter().GetResult());
        for (var i = 0; i < pods; i++)
        {
            var name = prefix + i.ToString(CultureInfo.InvariantCulture);
            var json = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"default\",\"uid\":\"" + Guid.NewGuid()
                + "\"},\"spec\":{\"nodeName\":\"" + node + "\",\"hostNetwork\":true,\"terminationGracePeriodSeconds\":0,\"containers\":[{\"name\":\"c\",\"image\":\""
                + image + "\",\"command\":[\"/bin/sleep\",\"3600\"]}]}}";
            store.UpsertAsync(MetaRecord.For("default", "pod", name, json)).GetAwaiter().GetResult();
        }

        return node;
    }

    private static Process StartEdgecore(string dir, string node, string? endpoint, out int metricsPort)
    {
        metricsPort = FreePort();
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "edgecore.dll"), "run", "--data-dir", dir,
            "-D", "edgecore.node-name=" + node,
            "-D", "edgecore.metrics.port=" + metricsPort.ToString(CultureInfo.InvariantCulture),
            "-D", "edgecore.modules.eventbus.internal-server=tcp://127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture),
            "-D", "edgecore.modules.edged.runtime=" + (endpoint is null ? "process" : "cri"),
            "-D", "edgecore.modules.edged.cri-endpoint=" + (endpoint ?? "unix:///run/containerd/containerd.sock"),
            "-D", "edgecore.modules.edged.host-network-only=on",
        })
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("edgecore did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Pods of this run with a running container: host processes under edgecore, or containerd containers.</summary>
    private static async Task<int> RunningAsync(int edgecorePid, string prefix, string? endpoint)
    {
        if (endpoint is null)
        {
            return Directory.EnumerateDirectories("/proc").Count(d => IsSleepChildOf(d, edgecorePid));
        }

        await using var cri = CriRuntime.Create(new CriOptions { Runtime = CriRuntimeKind.Cri, Endpoint = endpoint });
        var filter = new ContainerFilter { State = new ContainerStateValue { State = ContainerState.ContainerRunning } };
        var list = await cri.Runtime.ListContainersAsync(filter);
        return list.Count(c => c.Labels.TryGetValue("io.kubernetes.pod.name", out var n) && n.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static bool IsSleepChildOf(string procDir, int parent)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(procDir, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields[0] != "Z" && fields[1] == parent.ToString(CultureInfo.InvariantCulture)
                && File.ReadAllText(Path.Combine(procDir, "cmdline")).StartsWith("/bin/sleep\03600", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static long RssKb(int pid) => File.ReadLines($"/proc/{pid}/status")
        .Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture))
        .Single();

    private static double Metric(int port, string name)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var text = http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics")).GetAwaiter().GetResult();
        var line = text.Split('\n').First(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }

    private static void Stop(Process edgecore)
    {
        if (!edgecore.HasExited)
        {
            Process.Start("kill", ["-TERM", edgecore.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
            if (!edgecore.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                edgecore.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task RemoveSandboxesAsync(string endpoint, string prefix)
    {
        await using var cri = CriRuntime.Create(new CriOptions { Runtime = CriRuntimeKind.Cri, Endpoint = endpoint, RequestTimeout = TimeSpan.FromSeconds(60) });
        foreach (var sandbox in (await cri.Runtime.ListPodSandboxAsync()).Where(s => s.Metadata.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            await cri.Runtime.StopPodSandboxAsync(sandbox.Id);
            await cri.Runtime.RemovePodSandboxAsync(sandbox.Id);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class DisposeAction(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
