using System.Collections.Concurrent;
using System.Diagnostics;
using Actors.Cloud.Modules.CloudHub.Sessions;

namespace Actors.Bench.CloudHub;

/// <summary>
/// Wraps the real ACK store: the pump marks each message when it hands it to CloudHub, and the ACK (recorded by the
/// session when the edge's response arrives) closes the cloud→edge→ACK round trip and frees a window slot.
/// </summary>
internal sealed class MeasuringAckStore(IAckStore inner, SemaphoreSlim window, int capacity) : IAckStore
{
    private readonly ConcurrentDictionary<(string Node, string Key), long> _sent = new();
    private readonly long[] _latencies = new long[capacity];
    private int _count;

    public int Acked => Volatile.Read(ref _count);

    public void MarkSent(string node, string key) => _sent[(node, key)] = Stopwatch.GetTimestamp();

    public string? AckedVersion(string nodeId, string objectKey) => inner.AckedVersion(nodeId, objectKey);

    public void RecordSent(string nodeId, string objectKey, string resource) => inner.RecordSent(nodeId, objectKey, resource);

    public IReadOnlyList<AckedObject> AckedObjects(string nodeId) => inner.AckedObjects(nodeId);

    public void RecordAck(string nodeId, string objectKey, string version, string resource = "")
    {
        inner.RecordAck(nodeId, objectKey, version, resource);
        if (_sent.TryRemove((nodeId, objectKey), out var start))
        {
            var i = Interlocked.Increment(ref _count) - 1;
            if (i < _latencies.Length)
            {
                _latencies[i] = Stopwatch.GetTimestamp() - start;
            }

            window.Release();
        }
    }

    public void Forget(string nodeId, string objectKey) => inner.Forget(nodeId, objectKey);

    /// <summary>Latency percentile in milliseconds over the recorded round trips.</summary>
    public double PercentileMs(double p) => Percentiles.Of(_latencies.AsSpan(0, Math.Min(Acked, _latencies.Length)), p);
}

/// <summary>Percentiles of Stopwatch tick samples.</summary>
internal static class Percentiles
{
    public static double Of(ReadOnlySpan<long> ticks, double p)
    {
        if (ticks.IsEmpty)
        {
            return double.NaN;
        }

        var sorted = ticks.ToArray();
        Array.Sort(sorted);
        var index = (int)Math.Min(sorted.Length - 1, Math.Ceiling(p / 100 * sorted.Length) - 1);
        return sorted[Math.Max(0, index)] * 1000.0 / Stopwatch.Frequency;
    }
}
