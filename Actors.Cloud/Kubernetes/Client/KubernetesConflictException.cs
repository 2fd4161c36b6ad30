using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>409 Conflict: the object changed since it was read (stale resourceVersion). Re-read and retry.</summary>
public sealed class KubernetesConflictException : KubernetesApiException
{
    public KubernetesConflictException(string message, Status? status = null)
        : base(409, "Conflict", message, status)
    {
    }

    public KubernetesConflictException()
        : this("conflict")
    {
    }

    public KubernetesConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
