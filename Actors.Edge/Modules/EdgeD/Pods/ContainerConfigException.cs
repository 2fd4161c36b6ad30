namespace Actors.Edge.Modules.EdgeD.Pods;

/// <summary>
/// A container cannot be configured yet (a configmap or secret its environment needs is missing or unreadable): the
/// container waits as <c>CreateContainerConfigError</c> and the pod is retried, as the kubelet does.
/// </summary>
internal sealed class ContainerConfigException : Exception
{
    public ContainerConfigException()
    {
    }

    public ContainerConfigException(string message)
        : base(message)
    {
    }

    public ContainerConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
