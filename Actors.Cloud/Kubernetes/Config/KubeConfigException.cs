namespace Actors.Cloud.Kubernetes.Config;

/// <summary>A kubeconfig or in-cluster configuration is missing or invalid; the message names the file and field.</summary>
public sealed class KubeConfigException : Exception
{
    public KubeConfigException()
        : base("invalid Kubernetes client configuration")
    {
    }

    public KubeConfigException(string message)
        : base(message)
    {
    }

    public KubeConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
