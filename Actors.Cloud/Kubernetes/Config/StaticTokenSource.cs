namespace Actors.Cloud.Kubernetes.Config;

/// <summary>A token given in the kubeconfig itself.</summary>
public sealed class StaticTokenSource(string token) : ITokenSource
{
    public string GetToken(bool forceRefresh) => token;
}
