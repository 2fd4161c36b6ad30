using System.Text.Json;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Actors.Kernel.Actor;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.EdgeController.Sync;

/// <summary>A node's query for a configmap, secret or service-account token (cloud-form resource parsed).</summary>
public sealed record EdgeQuery(MessageEnvelope Envelope, NodeResource Resource);

/// <summary>The answer to an <see cref="EdgeQuery"/>, computed off the actor and sent from it.</summary>
internal sealed record QueryAnswer(MessageEnvelope Envelope);

/// <summary>Edge queries: authorised per node by the location cache, answered from the informer caches (or the API).</summary>
public sealed partial class ResourceSyncActor
{
    private void OnQuery(EdgeQuery query)
    {
        var r = query.Resource;
        var kind = r.ResourceType switch
        {
            ResourceTypes.ConfigMap => LocationCache.ReferenceKind.ConfigMap,
            ResourceTypes.Secret => LocationCache.ReferenceKind.Secret,
            ResourceTypes.ServiceAccountToken => LocationCache.ReferenceKind.ServiceAccount,
            _ => (LocationCache.ReferenceKind?)null,
        };
        if (kind is null || r.Name.Length == 0)
        {
            Refuse(query, "edgecontroller cannot answer a query for " + r.ResourceType + (r.Name.Length == 0 ? " without a name" : string.Empty));
            return;
        }

        if (!_locations.IsUsedBy(r.NodeId, kind.Value, r.Namespace, r.Name))
        {
            LogForbidden(_log, r.NodeId, r.ResourceType, r.Namespace, r.Name);
            Refuse(query, $"forbidden: no pod on node {r.NodeId} uses {r.ResourceType} {r.Namespace}/{r.Name}");
            return;
        }

        switch (kind.Value)
        {
            case LocationCache.ReferenceKind.ConfigMap:
                Answer(query, KnownResources.ConfigMaps, _informers.ConfigMaps.Store.Get(r.Namespace + "/" + r.Name));
                break;
            case LocationCache.ReferenceKind.Secret:
                Answer(query, KnownResources.Secrets, _informers.Secrets.Store.Get(r.Namespace + "/" + r.Name));
                break;
            default:
                AnswerToken(query);
                break;
        }
    }

    private void Refuse(EdgeQuery query, string reason) => SendToCloudHub(EdgeEnvelopes.Error(_module.Time, query.Envelope, reason));

    /// <summary>From the cache when it has the object; otherwise a GET (the informer may not have synced yet).</summary>
    private void Answer<T>(EdgeQuery query, ResourceType<T> type, T? cached)
        where T : class
    {
        if (cached is not null)
        {
            SendToCloudHub(EdgeEnvelopes.Response(_module.Time, query.Envelope, type.Codec.Identify(cached).ResourceVersion, type.Codec.Serialize(cached)));
            return;
        }

        var time = _module.Time;
        var request = query.Envelope;
        _client.Resource(type).GetAsync(query.Resource.Namespace, query.Resource.Name).PipeTo(
            Self,
            success: value => new QueryAnswer(EdgeEnvelopes.Response(time, request, type.Codec.Identify(value).ResourceVersion, type.Codec.Serialize(value))),
            failure: e => new QueryAnswer(EdgeEnvelopes.Error(time, request, e.Message)));
    }

    /// <summary>A TokenRequest for the service account a pod on the node runs as (the request body comes from the edge).</summary>
    private void AnswerToken(EdgeQuery query)
    {
        TokenRequest body;
        try
        {
            body = query.Envelope.Content.Kind == ContentKind.Object
                ? query.Envelope.Content.Deserialize(KubernetesJsonContext.Default.TokenRequest) ?? new TokenRequest()
                : new TokenRequest();
        }
        catch (JsonException e)
        {
            Refuse(query, "malformed TokenRequest: " + e.Message);
            return;
        }

        var time = _module.Time;
        var request = query.Envelope;
        _client.Resource(KnownResources.ServiceAccounts).CreateTokenAsync(query.Resource.Namespace, query.Resource.Name, body).PipeTo(
            Self,
            success: token => new QueryAnswer(EdgeEnvelopes.Response(
                time, request, null, JsonSerializer.SerializeToUtf8Bytes(token, KubernetesJsonContext.Default.TokenRequest))),
            failure: e => new QueryAnswer(EdgeEnvelopes.Error(time, request, e.Message)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused query of node {Node} for {Type} {Namespace}/{Name}: none of its pods uses it")]
    private static partial void LogForbidden(ILogger logger, string node, string type, string @namespace, string name);
}
