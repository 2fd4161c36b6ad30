namespace Actors.Cloud.Kubernetes.Config;

/// <summary>Supplies the bearer token of each request.</summary>
public interface ITokenSource
{
    /// <summary>The current token. <paramref name="forceRefresh"/> is set after a 401 to re-read a rotated token.</summary>
    string GetToken(bool forceRefresh);
}
