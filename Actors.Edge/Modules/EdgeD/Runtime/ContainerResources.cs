using Actors.Edge.Modules.EdgeD.Pods;
using Runtime.V1;

namespace Actors.Edge.Modules.EdgeD.Runtime;

/// <summary>
/// A container's requests and limits as the runtime's cgroup settings, with the kubelet's numbers (pure): CPU shares
/// from the CPU request (the limit when there is no request; 2 when neither), a CFS quota over a 100 ms period from
/// the CPU limit, and the memory limit in bytes.
/// </summary>
internal static class ContainerResources
{
    public const long CfsPeriodMicros = 100_000;
    public const long MinShares = 2;
    public const long MinQuotaMicros = 1_000;

    public static LinuxContainerResources For(ContainerModel container)
    {
        var resources = new LinuxContainerResources { CpuShares = MinShares };
        var limits = container.Resources.Limits;
        var requests = container.Resources.Requests;
        if ((Millicores(requests, "cpu") ?? Millicores(limits, "cpu")) is { } requested)
        {
            resources.CpuShares = Math.Max(MinShares, requested * 1024 / 1000);
        }

        if (Millicores(limits, "cpu") is { } limit)
        {
            resources.CpuPeriod = CfsPeriodMicros;
            resources.CpuQuota = Math.Max(MinQuotaMicros, limit * CfsPeriodMicros / 1000);
        }

        if (limits.TryGetValue("memory", out var memory) && Quantity.TryParse(memory, out var bytes))
        {
            resources.MemoryLimitInBytes = Quantity.Whole(bytes);
        }

        return resources;
    }

    private static long? Millicores(IReadOnlyDictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var text) && Quantity.TryParse(text, out var value) ? Quantity.Milli(value) : null;
}
