namespace Actors.Cloud.Host;

/// <summary>Where cloudcore's Kubernetes API comes from (see <see cref="CloudCoreOptions.ApiSource"/>).</summary>
public enum KubernetesApiSource
{
    /// <summary>The kubeconfig file named by <c>cloudcore.kubeconfig</c>.</summary>
    Kubeconfig,

    /// <summary>The embedded SQLite-backed API server (the default).</summary>
    Embedded,

    /// <summary>The pod's service account (KUBERNETES_SERVICE_HOST/PORT and the mounted token).</summary>
    InCluster,
}
