namespace Actors.Cloud.Kubernetes.Models;

/// <summary>rules.kubeedge.io/v1 RuleEndpoint (rest, eventbus or servicebus).</summary>
public sealed class RuleEndpoint : KubernetesObject
{
    public RuleEndpointSpec? Spec { get; set; }
}

public sealed class RuleEndpointSpec : KubernetesModel
{
    public string? RuleEndpointType { get; set; }

    public Dictionary<string, string>? Properties { get; set; }
}
