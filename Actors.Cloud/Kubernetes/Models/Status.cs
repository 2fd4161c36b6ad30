using System.Text.Json.Serialization;

namespace Actors.Cloud.Kubernetes.Models;

/// <summary>metav1.Status: the body of every API error and of some delete responses.</summary>
public sealed class Status : KubernetesModel
{
    public string? ApiVersion { get; set; }

    public string? Kind { get; set; }

    public ListMeta? Metadata { get; set; }

    /// <summary>"Success" or "Failure".</summary>
    [JsonPropertyName("status")]
    public string? StatusValue { get; set; }

    public string? Message { get; set; }

    /// <summary>Machine-readable reason: NotFound, AlreadyExists, Conflict, Invalid, Expired, TooManyRequests, ...</summary>
    public string? Reason { get; set; }

    public StatusDetails? Details { get; set; }

    public int? Code { get; set; }
}

/// <summary>metav1.StatusDetails.</summary>
public sealed class StatusDetails : KubernetesModel
{
    public string? Name { get; set; }

    public string? Group { get; set; }

    public string? Kind { get; set; }

    public string? Uid { get; set; }

    public List<StatusCause>? Causes { get; set; }

    public int? RetryAfterSeconds { get; set; }
}

/// <summary>metav1.StatusCause (for example one invalid field of a 422).</summary>
public sealed class StatusCause : KubernetesModel
{
    public string? Reason { get; set; }

    public string? Message { get; set; }

    public string? Field { get; set; }
}
