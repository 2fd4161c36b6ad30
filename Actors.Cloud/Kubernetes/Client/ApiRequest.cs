namespace Actors.Cloud.Kubernetes.Client;

/// <summary>One request to the API server. The body is bytes so that a retry can resend it.</summary>
public sealed record ApiRequest(HttpMethod Method, string PathAndQuery, byte[]? Body = null, string? ContentType = null)
{
    public override string ToString() => $"{Method} {PathAndQuery}";
}
