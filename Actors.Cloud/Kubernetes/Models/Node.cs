using System.Text.Json.Serialization;

namespace Actors.Cloud.Kubernetes.Models;

/// <summary>core/v1 Node.</summary>
public sealed class Node : KubernetesObject
{
    public NodeSpec? Spec { get; set; }

    public NodeStatus? Status { get; set; }
}

public sealed class NodeSpec : KubernetesModel
{
    public string? PodCIDR { get; set; }

    public List<string>? PodCIDRs { get; set; }

    public string? ProviderID { get; set; }

    public bool? Unschedulable { get; set; }

    public List<Taint>? Taints { get; set; }
}

public sealed class Taint : KubernetesModel
{
    public string? Key { get; set; }

    public string? Value { get; set; }

    public string? Effect { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? TimeAdded { get; set; }
}

public sealed class NodeStatus : KubernetesModel
{
    public Dictionary<string, string>? Capacity { get; set; }

    public Dictionary<string, string>? Allocatable { get; set; }

    public string? Phase { get; set; }

    public List<NodeCondition>? Conditions { get; set; }

    public List<NodeAddress>? Addresses { get; set; }

    public NodeDaemonEndpoints? DaemonEndpoints { get; set; }

    public NodeSystemInfo? NodeInfo { get; set; }

    public List<ContainerImage>? Images { get; set; }
}

public sealed class NodeCondition : KubernetesModel
{
    public string? Type { get; set; }

    public string? Status { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? LastHeartbeatTime { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? LastTransitionTime { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }
}

public sealed class NodeAddress : KubernetesModel
{
    public string? Type { get; set; }

    public string? Address { get; set; }
}

public sealed class NodeDaemonEndpoints : KubernetesModel
{
    public DaemonEndpoint? KubeletEndpoint { get; set; }
}

public sealed class DaemonEndpoint : KubernetesModel
{
    [JsonPropertyName("Port")]
    public int Port { get; set; }
}

public sealed class NodeSystemInfo : KubernetesModel
{
    public string? MachineID { get; set; }

    public string? SystemUUID { get; set; }

    public string? BootID { get; set; }

    public string? KernelVersion { get; set; }

    public string? OsImage { get; set; }

    public string? ContainerRuntimeVersion { get; set; }

    public string? KubeletVersion { get; set; }

    public string? KubeProxyVersion { get; set; }

    public string? OperatingSystem { get; set; }

    public string? Architecture { get; set; }
}

public sealed class ContainerImage : KubernetesModel
{
    public List<string>? Names { get; set; }

    public long? SizeBytes { get; set; }
}
