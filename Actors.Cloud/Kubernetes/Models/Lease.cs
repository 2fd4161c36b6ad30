using System.Text.Json.Serialization;

namespace Actors.Cloud.Kubernetes.Models;

/// <summary>coordination.k8s.io/v1 Lease (node heartbeats in kube-node-lease).</summary>
public sealed class Lease : KubernetesObject
{
    public LeaseSpec? Spec { get; set; }
}

public sealed class LeaseSpec : KubernetesModel
{
    public string? HolderIdentity { get; set; }

    public int? LeaseDurationSeconds { get; set; }

    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? AcquireTime { get; set; }

    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? RenewTime { get; set; }

    public int? LeaseTransitions { get; set; }
}
