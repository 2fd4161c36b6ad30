using System.Diagnostics;

namespace Actors.Bench.CloudHub;

/// <summary>This process's managed heap (after full collections) and working set.</summary>
internal sealed record MemorySample(long Heap, long WorkingSet)
{
    public static MemorySample Take()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new MemorySample(GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }

    public double HeapPerNode(MemorySample before, int nodes) => (Heap - before.Heap) / 1024.0 / nodes;

    public double WorkingSetPerNode(MemorySample before, int nodes) => (WorkingSet - before.WorkingSet) / 1024.0 / nodes;
}
