using System.Text.Json;
using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>The serviceaccounts/&lt;name&gt;/token subresource (TokenRequest), used to answer edge token queries.</summary>
public static class ServiceAccountTokens
{
    public static async Task<TokenRequest> CreateTokenAsync(
        this ResourceClient<ServiceAccount> serviceAccounts, string ns, string name, TokenRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(serviceAccounts);
        ArgumentNullException.ThrowIfNull(request);
        request.ApiVersion ??= "authentication.k8s.io/v1";
        request.Kind ??= "TokenRequest";
        var body = JsonSerializer.SerializeToUtf8Bytes(request, KubernetesJsonContext.Default.TokenRequest);
        var response = await serviceAccounts.Client
            .SendAsync(new ApiRequest(HttpMethod.Post, serviceAccounts.ItemPath(ns, name, "token"), body), cancellationToken)
            .ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(response, KubernetesJsonContext.Default.TokenRequest)
                ?? throw new InvalidDataException("the TokenRequest response is JSON null");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the response is not a valid TokenRequest: {ex.Message}", ex);
        }
    }
}
