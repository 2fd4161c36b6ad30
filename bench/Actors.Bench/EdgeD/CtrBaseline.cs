using System.Diagnostics;
using Actors.Cri.Runtime;

namespace Actors.Bench.EdgeD;

/// <summary>`ctr run -d --net-host` of the image, one container at a time (create + start, as ctr does it), in its own namespace.</summary>
internal static class CtrBaseline
{
    private const string Namespace = "edgeactors-edged-bench";

    public static List<double> Run(string endpoint, string image, int count)
    {
        var address = CriOptions.SocketPath(endpoint)!;
        var archive = Environment.GetEnvironmentVariable("EDGEACTORS_CRI_OCI_ARCHIVE")
            ?? throw new InvalidOperationException("EDGEACTORS_CRI_OCI_ARCHIVE not set (the containerd hook exports it)");
        Ctr(address, "images", "import", archive);
        var samples = new List<double>();
        var ids = new List<string>();
        for (var i = -3; i < count; i++)
        {
            var id = $"edged-bench-{Environment.ProcessId}-{i + 3}";
            var watch = Stopwatch.StartNew();
            Ctr(address, "run", "-d", "--net-host", image, id, "/bin/sleep", "3600");
            watch.Stop();
            ids.Add(id);
            if (i >= 0)
            {
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        foreach (var id in ids)
        {
            Ctr(address, "tasks", "kill", "-s", "SIGKILL", id);
            Ctr(address, "tasks", "rm", "-f", id);
            Ctr(address, "containers", "rm", id);
        }

        samples.Sort();
        return samples;
    }

    private static void Ctr(string address, params string[] args) => Cri.CtrCommand.Run(address, Namespace, args);
}
