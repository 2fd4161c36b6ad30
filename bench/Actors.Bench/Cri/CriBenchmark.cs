using System.Diagnostics;
using System.Globalization;
using Actors.Cri.Runtime;
using Runtime.V1;

namespace Actors.Bench.Cri;

/// <summary>
/// Container create+start latency: containerd through our CRI client, `ctr run -d` of the same
/// image on the same containerd (baseline, measured in the same run), and the process runtime.
///   Actors.Bench cri [--iterations N]   (needs EDGEACTORS_CRI_ENDPOINT for the containerd parts)
/// </summary>
public static class CriBenchmark
{
    private const string BenchNamespace = "edgeactors-bench";

    public static int Run(string[] args)
    {
        var iterations = args.Length >= 2 && args[0] == "--iterations" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var endpoint = Environment.GetEnvironmentVariable("EDGEACTORS_CRI_ENDPOINT");
        var image = Environment.GetEnvironmentVariable("EDGEACTORS_CRI_BUSYBOX_IMAGE") ?? "localhost/edgeactors/busybox:latest";
        Console.WriteLine($"# CRI container create+start latency ({iterations} containers each, 3 warm-up)");
        Console.WriteLine();
        Console.WriteLine("| runtime | p50 ms | p99 ms | mean ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|");
        if (endpoint is not null)
        {
            Print("containerd via Actors.Cri (CreateContainer+StartContainer)", CriAsync(endpoint, image, iterations).GetAwaiter().GetResult());
            Print("baseline: `ctr run -d` (same containerd, same image)", CtrRun(endpoint, image, iterations));
        }
        else
        {
            Console.Error.WriteLine("EDGEACTORS_CRI_ENDPOINT not set: containerd rows skipped (Tests/setup/30-containerd.sh start DIR)");
        }

        Print("process runtime (CreateContainer+StartContainer)", ProcessAsync(iterations).GetAwaiter().GetResult());
        return 0;
    }

    private static async Task<List<double>> CriAsync(string endpoint, string image, int iterations)
    {
        await using var cri = CriRuntime.Create(new CriOptions { Endpoint = endpoint });
        var logRoot = Directory.CreateTempSubdirectory("cri-bench-logs-").FullName;
        var sandbox = SandboxConfig(logRoot);
        var sandboxId = await cri.Runtime.RunPodSandboxAsync(sandbox);
        try
        {
            return await MeasureAsync(cri.Runtime, sandboxId, sandbox, image, "/bin/sleep", iterations);
        }
        finally
        {
            await cri.Runtime.StopPodSandboxAsync(sandboxId);
            await cri.Runtime.RemovePodSandboxAsync(sandboxId);
            Directory.Delete(logRoot, recursive: true);
        }
    }

    private static async Task<List<double>> ProcessAsync(int iterations)
    {
        var root = Directory.CreateTempSubdirectory("cri-bench-process-").FullName;
        try
        {
            await using var cri = CriRuntime.Create(new CriOptions { ProcessRootDirectory = root });
            var sandbox = SandboxConfig(Path.Combine(root, "logs"));
            var sandboxId = await cri.Runtime.RunPodSandboxAsync(sandbox);
            var samples = await MeasureAsync(cri.Runtime, sandboxId, sandbox, "localhost/edgeactors/busybox:latest", "/bin/sleep", iterations);
            await cri.Runtime.RemovePodSandboxAsync(sandboxId);
            return samples;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    // Each sample: CreateContainer + StartContainer of a fresh container; it is then stopped and
    // removed (not timed), so every sample sees the same runtime load.
    private static async Task<List<double>> MeasureAsync(IRuntimeService runtime, string sandboxId, PodSandboxConfig sandbox, string image, string sleep, int iterations)
    {
        var samples = new List<double>();
        for (var i = -3; i < iterations; i++)
        {
            var config = new ContainerConfig
            {
                Metadata = new ContainerMetadata { Name = $"c{i + 3}" },
                Image = new ImageSpec { Image = image },
                LogPath = $"c{i + 3}.log",
                Linux = new LinuxContainerConfig { SecurityContext = new LinuxContainerSecurityContext { NamespaceOptions = new NamespaceOption { Network = NamespaceMode.Node } } },
            };
            config.Command.Add(sleep);
            config.Args.Add("3600");
            var watch = Stopwatch.StartNew();
            var id = await runtime.CreateContainerAsync(sandboxId, config, sandbox);
            await runtime.StartContainerAsync(id);
            watch.Stop();
            if (i >= 0)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }

            await runtime.StopContainerAsync(id, TimeSpan.Zero);
            await runtime.RemoveContainerAsync(id);
        }

        return samples;
    }

    private static List<double> CtrRun(string endpoint, string image, int iterations)
    {
        var address = CriOptions.SocketPath(endpoint)!;
        var archive = Environment.GetEnvironmentVariable("EDGEACTORS_CRI_OCI_ARCHIVE")
            ?? throw new InvalidOperationException("EDGEACTORS_CRI_OCI_ARCHIVE not set (the containerd hook exports it)");
        Ctr(address, "images", "import", archive);
        var samples = new List<double>();
        for (var i = -3; i < iterations; i++)
        {
            var id = $"bench-{Environment.ProcessId}-{i + 3}";
            var watch = Stopwatch.StartNew();
            Ctr(address, "run", "-d", "--net-host", image, id, "/bin/sleep", "3600");
            watch.Stop();
            if (i >= 0)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }

            Ctr(address, "tasks", "kill", "-s", "SIGKILL", id);
            Ctr(address, "tasks", "rm", "-f", id);
            Ctr(address, "containers", "rm", id);
        }

        return samples;
    }

    private static void Ctr(string address, params string[] args) => CtrCommand.Run(address, BenchNamespace, args);

    private static PodSandboxConfig SandboxConfig(string logDirectory)
    {
        var uid = Guid.NewGuid().ToString("N");
        return new PodSandboxConfig
        {
            Metadata = new PodSandboxMetadata { Name = "bench-" + uid[..8], Uid = uid, Namespace = "bench" },
            LogDirectory = logDirectory,
            Linux = new LinuxPodSandboxConfig { SecurityContext = new LinuxSandboxSecurityContext { NamespaceOptions = new NamespaceOption { Network = NamespaceMode.Node } } },
        };
    }

    private static void Print(string name, List<double> samples)
    {
        samples.Sort();
        double At(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {At(0.50):F1} | {At(0.99):F1} | {samples.Average():F1} | {samples[^1]:F1} |"));
    }
}
