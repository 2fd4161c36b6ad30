using System.Text.Json.Serialization;

namespace Actors.Cloud.Kubernetes.Models;

/// <summary>authentication.k8s.io/v1 TokenRequest (the serviceaccounts/token subresource).</summary>
public sealed class TokenRequest : KubernetesObject
{
    public TokenRequestSpec? Spec { get; set; }

    public TokenRequestStatus? Status { get; set; }
}

public sealed class TokenRequestSpec : KubernetesModel
{
    public List<string>? Audiences { get; set; }

    public long? ExpirationSeconds { get; set; }

    public BoundObjectReference? BoundObjectRef { get; set; }
}

public sealed class BoundObjectReference : KubernetesModel
{
    public string? Kind { get; set; }

    public string? ApiVersion { get; set; }

    public string? Name { get; set; }

    public string? Uid { get; set; }
}

public sealed class TokenRequestStatus : KubernetesModel
{
    public string? Token { get; set; }

    [JsonConverter(typeof(KubernetesTimeConverter))]
    public DateTimeOffset? ExpirationTimestamp { get; set; }
}
