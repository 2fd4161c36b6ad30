using System.Text.Json.Serialization;

namespace Actors.Cloud.Kubernetes.Models;

/// <summary>core/v1 Pod.</summary>
public sealed class Pod : KubernetesObject
{
    public PodSpec? Spec { get; set; }

    public PodStatus? Status { get; set; }
}

public sealed class PodSpec : KubernetesModel
{
    public string? NodeName { get; set; }

    public List<Container>? InitContainers { get; set; }

    public List<Container> Containers { get; set; } = [];

    public List<Volume>? Volumes { get; set; }

    public string? RestartPolicy { get; set; }

    public bool? HostNetwork { get; set; }

    public string? ServiceAccountName { get; set; }

    public bool? AutomountServiceAccountToken { get; set; }

    public List<Toleration>? Tolerations { get; set; }

    public Dictionary<string, string>? NodeSelector { get; set; }

    public List<LocalObjectReference>? ImagePullSecrets { get; set; }

    public long? TerminationGracePeriodSeconds { get; set; }

    public string? DnsPolicy { get; set; }

    public string? Hostname { get; set; }

    public string? SchedulerName { get; set; }

    public int? Priority { get; set; }
}

public sealed class Toleration : KubernetesModel
{
    public string? Key { get; set; }

    public string? Operator { get; set; }

    public string? Value { get; set; }

    public string? Effect { get; set; }

    public long? TolerationSeconds { get; set; }
}

public sealed class PodStatus : KubernetesModel
{
    public string? Phase { get; set; }

    public List<PodCondition>? Conditions { get; set; }

    public string? Message { get; set; }

    public string? Reason { get; set; }

    public string? HostIP { get; set; }

    public List<PodIP>? HostIPs { get; set; }

    public string? PodIP { get; set; }

    public List<PodIP>? PodIPs { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? StartTime { get; set; }

    public List<ContainerStatus>? InitContainerStatuses { get; set; }

    public List<ContainerStatus>? ContainerStatuses { get; set; }

    public string? QosClass { get; set; }
}

public sealed class PodIP : KubernetesModel
{
    public string? Ip { get; set; }
}

public sealed class PodCondition : KubernetesModel
{
    public string? Type { get; set; }

    public string? Status { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? LastProbeTime { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? LastTransitionTime { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }
}

public sealed class ContainerStatus : KubernetesModel
{
    public string? Name { get; set; }

    public ContainerState? State { get; set; }

    public ContainerState? LastState { get; set; }

    public bool Ready { get; set; }

    public int RestartCount { get; set; }

    public string? Image { get; set; }

    public string? ImageID { get; set; }

    public string? ContainerID { get; set; }

    public bool? Started { get; set; }
}

public sealed class ContainerState : KubernetesModel
{
    public ContainerStateWaiting? Waiting { get; set; }

    public ContainerStateRunning? Running { get; set; }

    public ContainerStateTerminated? Terminated { get; set; }
}

public sealed class ContainerStateWaiting : KubernetesModel
{
    public string? Reason { get; set; }

    public string? Message { get; set; }
}

public sealed class ContainerStateRunning : KubernetesModel
{
    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? StartedAt { get; set; }
}

public sealed class ContainerStateTerminated : KubernetesModel
{
    public int ExitCode { get; set; }

    public int? Signal { get; set; }

    public string? Reason { get; set; }

    public string? Message { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? StartedAt { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? FinishedAt { get; set; }

    public string? ContainerID { get; set; }
}
