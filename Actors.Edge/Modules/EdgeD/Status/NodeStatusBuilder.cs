using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace Actors.Edge.Modules.EdgeD.Status;

/// <summary>
/// Builds a Kubernetes <c>NodeStatus</c> JSON object: capacity and allocatable (allocatable = capacity minus the
/// kubelet's default hard eviction thresholds: memory 100Mi, 10 % of the disk), conditions with the kubelet's
/// default thresholds (MemoryPressure below 100Mi available, DiskPressure below 10 %, PIDPressure below 10 % of
/// pid_max free), addresses and node info. Pure.
/// </summary>
internal static class NodeStatusBuilder
{
    public const long MemoryEvictionBytes = 100L * 1024 * 1024;
    public const int MaxPods = 110;

    /// <summary>
    /// Builds the status; <paramref name="transitions"/> (condition type → status, since) is updated so a condition's
    /// lastTransitionTime only moves when its status changes.
    /// </summary>
    public static JsonObject Build(
        NodeResources r, bool runtimeReady, string runtimeVersion, string kubeletVersion, DateTimeOffset now,
        Dictionary<string, (bool Status, DateTimeOffset Since)>? transitions = null)
    {
        transitions ??= [];
        var memoryPressure = r.MemoryAvailableBytes < MemoryEvictionBytes;
        var diskPressure = r.DiskTotalBytes > 0 && r.DiskAvailableBytes < r.DiskTotalBytes / 10;
        var pidPressure = r.PidMax > 0 && r.PidMax - r.PidsInUse < r.PidMax / 10;
        var time = Format(now);
        JsonObject Condition(string type, bool status, string reason)
        {
            if (!transitions.TryGetValue(type, out var t) || t.Status != status)
            {
                t = (status, now);
                transitions[type] = t;
            }

            return new JsonObject
            {
                ["type"] = type,
                ["status"] = status ? "True" : "False",
                ["reason"] = reason,
                ["lastHeartbeatTime"] = time,
                ["lastTransitionTime"] = Format(t.Since),
            };
        }

        return new JsonObject
        {
            ["capacity"] = Resources(r.Cpus * 1000, r.MemoryTotalBytes, r.DiskTotalBytes),
            ["allocatable"] = Resources(r.Cpus * 1000, Math.Max(0, r.MemoryTotalBytes - MemoryEvictionBytes), r.DiskTotalBytes - (r.DiskTotalBytes / 10)),
            ["conditions"] = new JsonArray(
                Condition("MemoryPressure", memoryPressure, memoryPressure ? "KubeletHasInsufficientMemory" : "KubeletHasSufficientMemory"),
                Condition("DiskPressure", diskPressure, diskPressure ? "KubeletHasDiskPressure" : "KubeletHasNoDiskPressure"),
                Condition("PIDPressure", pidPressure, pidPressure ? "KubeletHasInsufficientPID" : "KubeletHasSufficientPID"),
                Condition("Ready", runtimeReady, runtimeReady ? "KubeletReady" : "KubeletNotReady")),
            ["addresses"] = new JsonArray(
                new JsonObject { ["type"] = "InternalIP", ["address"] = r.InternalIp },
                new JsonObject { ["type"] = "Hostname", ["address"] = r.HostName }),
            ["nodeInfo"] = new JsonObject
            {
                ["machineID"] = r.MachineId,
                ["kernelVersion"] = r.KernelVersion,
                ["osImage"] = RuntimeInformation.OSDescription,
                ["containerRuntimeVersion"] = runtimeVersion,
                ["kubeletVersion"] = kubeletVersion,
                ["operatingSystem"] = "linux",
                ["architecture"] = RuntimeInformation.OSArchitecture switch
                {
                    Architecture.X64 => "amd64",
                    Architecture.Arm64 => "arm64",
                    Architecture.Arm => "arm",
                    var other => other.ToString().ToLowerInvariant(),
                },
            },
        };
    }

    private static JsonObject Resources(long milliCpu, long memoryBytes, long diskBytes) => new()
    {
        ["cpu"] = milliCpu % 1000 == 0 ? (milliCpu / 1000).ToString(CultureInfo.InvariantCulture) : milliCpu.ToString(CultureInfo.InvariantCulture) + "m",
        ["memory"] = (memoryBytes / 1024).ToString(CultureInfo.InvariantCulture) + "Ki",
        ["ephemeral-storage"] = (diskBytes / 1024).ToString(CultureInfo.InvariantCulture) + "Ki",
        ["pods"] = MaxPods.ToString(CultureInfo.InvariantCulture),
    };

    private static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
