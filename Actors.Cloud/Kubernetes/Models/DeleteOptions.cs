namespace Actors.Cloud.Kubernetes.Models;

/// <summary>metav1.DeleteOptions, sent as the body of a DELETE.</summary>
public sealed class DeleteOptions : KubernetesModel
{
    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "DeleteOptions";

    public long? GracePeriodSeconds { get; set; }

    public Preconditions? Preconditions { get; set; }

    /// <summary>Orphan, Background or Foreground.</summary>
    public string? PropagationPolicy { get; set; }

    public List<string>? DryRun { get; set; }
}

/// <summary>The delete happens only if the object still has this UID and/or resourceVersion.</summary>
public sealed class Preconditions : KubernetesModel
{
    public string? Uid { get; set; }

    public string? ResourceVersion { get; set; }
}
