using System.Diagnostics;
using System.Globalization;

namespace Actors.Bench.CloudHub;

/// <summary>
/// CPU time of this (server) process and of the child (simulated edges or echo client) at one instant; the difference
/// over a phase divided by its messages is the CPU cost per message on each side.
/// </summary>
internal readonly record struct CpuSample(TimeSpan Server, TimeSpan Child)
{
    public static CpuSample Take(ChildProcess child)
    {
        using var self = Process.GetCurrentProcess();
        return new CpuSample(self.TotalProcessorTime, child.CpuTime);
    }

    /// <summary>"CPU per message: server X µs, child Y µs" since this sample.</summary>
    public string Since(ChildProcess child, int messages)
    {
        var now = Take(child);
        var server = (now.Server - Server).TotalMicroseconds / messages;
        var edges = (now.Child - Child).TotalMicroseconds / messages;
        return string.Create(CultureInfo.InvariantCulture, $"CPU per message: server {server:F1} us, child {edges:F1} us");
    }
}
