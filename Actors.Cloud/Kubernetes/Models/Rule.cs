namespace Actors.Cloud.Kubernetes.Models;

/// <summary>rules.kubeedge.io/v1 Rule: routes messages from a source endpoint to a target endpoint.</summary>
public sealed class Rule : KubernetesObject
{
    public RuleSpec? Spec { get; set; }

    public RuleStatus? Status { get; set; }
}

public sealed class RuleSpec : KubernetesModel
{
    public string? Source { get; set; }

    public Dictionary<string, string>? SourceResource { get; set; }

    public string? Target { get; set; }

    public Dictionary<string, string>? TargetResource { get; set; }
}

public sealed class RuleStatus : KubernetesModel
{
    public long SuccessMessages { get; set; }

    public long FailMessages { get; set; }

    public List<string>? Errors { get; set; }
}
