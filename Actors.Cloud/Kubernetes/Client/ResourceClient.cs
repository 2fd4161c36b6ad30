using System.Text.Json;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Kubernetes.Patch;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>
/// CRUD, patch, status subresource and watch for one resource type (typed models or JsonObject).
/// <c>ns</c> is ignored for cluster-scoped resources; null lists across all namespaces.
/// </summary>
public sealed class ResourceClient<T>
    where T : class
{
    private readonly KubernetesClient _client;
    private readonly ObjectCodec<T> _codec;

    public ResourceClient(KubernetesClient client, ResourceType<T> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        _client = client;
        Type = type;
        _codec = type.Codec;
    }

    public ResourceType<T> Type { get; }

    public KubernetesClient Client => _client;

    public ObjectCodec<T> Codec => _codec;

    public async Task<T> GetAsync(string? ns, string name, CancellationToken cancellationToken = default)
        => Decode(await _client.SendAsync(new ApiRequest(HttpMethod.Get, ItemPath(ns, name)), cancellationToken).ConfigureAwait(false));

    /// <summary>One page (honours Limit and Continue).</summary>
    public async Task<ObjectList<T>> ListAsync(string? ns, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var path = CollectionPath(ns) + (options ?? new ListOptions()).ToQueryString(watch: false);
        var body = await _client.SendAsync(new ApiRequest(HttpMethod.Get, path), cancellationToken).ConfigureAwait(false);
        try
        {
            return _codec.DeserializeList(body);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"GET {path}: the response is not a valid {_codec.Kind} list: {ex.Message}", ex);
        }
    }

    /// <summary>Every page, following continue tokens; the resourceVersion is the list snapshot's.</summary>
    public async Task<ObjectList<T>> ListAllAsync(string? ns, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var page = options ?? new ListOptions();
        var items = new List<T>();
        while (true)
        {
            var result = await ListAsync(ns, page, cancellationToken).ConfigureAwait(false);
            items.AddRange(result.Items);
            if (string.IsNullOrEmpty(result.Continue))
            {
                return new ObjectList<T>(items, result.ResourceVersion, null, null);
            }
            // A continued list must not repeat resourceVersion: the token carries the snapshot.
            page = page with { Continue = result.Continue, ResourceVersion = null, ResourceVersionMatch = null };
        }
    }

    public Task<T> CreateAsync(string? ns, T value, CancellationToken cancellationToken = default)
        => SendObjectAsync(HttpMethod.Post, CollectionPath(ns), value, cancellationToken);

    /// <summary>PUT; a stale resourceVersion throws <see cref="KubernetesConflictException"/>.</summary>
    public Task<T> UpdateAsync(T value, CancellationToken cancellationToken = default)
        => SendObjectAsync(HttpMethod.Put, PathOf(value, null), value, cancellationToken);

    /// <summary>PUT to the status subresource (only status changes are kept by the server).</summary>
    public Task<T> UpdateStatusAsync(T value, CancellationToken cancellationToken = default)
        => SendObjectAsync(HttpMethod.Put, PathOf(value, "status"), value, cancellationToken);

    public async Task<T> PatchAsync(string? ns, string name, KubernetesPatch patch, string? subresource = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var request = new ApiRequest(HttpMethod.Patch, ItemPath(ns, name, subresource), patch.Body, patch.ContentType);
        return Decode(await _client.SendAsync(request, cancellationToken).ConfigureAwait(false));
    }

    public Task<T> PatchStatusAsync(string? ns, string name, KubernetesPatch patch, CancellationToken cancellationToken = default)
        => PatchAsync(ns, name, patch, "status", cancellationToken);

    /// <summary>
    /// Deletes with optional preconditions and propagation policy. Returns the object when the server
    /// still holds it (finalizers pending), or null when it answered with a Status.
    /// </summary>
    public async Task<T?> DeleteAsync(string? ns, string name, DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = options is null ? null : JsonSerializer.SerializeToUtf8Bytes(options, KubernetesJsonContext.Default.DeleteOptions);
        var response = await _client.SendAsync(new ApiRequest(HttpMethod.Delete, ItemPath(ns, name), body), cancellationToken)
            .ConfigureAwait(false);
        if (response.Length == 0 || ApiErrorDecoder.TryReadStatus(response) is not null)
        {
            return null;
        }
        return Decode(response);
    }

    /// <summary>Opens a watch (the caller reads events from the returned stream and disposes it).</summary>
    public async Task<WatchStream<T>> WatchAsync(string? ns, ListOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var request = new ApiRequest(HttpMethod.Get, CollectionPath(ns) + options.ToQueryString(watch: true));
        var response = await _client.OpenStreamAsync(request, cancellationToken).ConfigureAwait(false);
        return new WatchStream<T>(response, _codec);
    }

    /// <summary>"/api/v1/namespaces/ns/pods" (or without the namespace part).</summary>
    public string CollectionPath(string? ns)
    {
        var gvr = Type.Resource;
        return Type.Namespaced && !string.IsNullOrEmpty(ns)
            ? $"{gvr.ApiPrefix}/namespaces/{Uri.EscapeDataString(ns)}/{gvr.Resource}"
            : $"{gvr.ApiPrefix}/{gvr.Resource}";
    }

    public string ItemPath(string? ns, string name, string? subresource = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Type.Namespaced && string.IsNullOrEmpty(ns))
        {
            throw new ArgumentException($"{Type.Kind} is namespaced: a namespace is required for '{name}'", nameof(ns));
        }
        var path = $"{CollectionPath(ns)}/{Uri.EscapeDataString(name)}";
        return subresource is null ? path : $"{path}/{subresource}";
    }

    private string PathOf(T value, string? subresource)
    {
        var id = _codec.Identify(value);
        if (string.IsNullOrEmpty(id.Name))
        {
            throw new ArgumentException($"the {Type.Kind} has no metadata.name", nameof(value));
        }
        return ItemPath(id.Namespace, id.Name, subresource);
    }

    private async Task<T> SendObjectAsync(HttpMethod method, string path, T value, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(method, path, _codec.Serialize(value));
        return Decode(await _client.SendAsync(request, cancellationToken).ConfigureAwait(false));
    }

    private T Decode(byte[] body)
    {
        try
        {
            return _codec.Deserialize(body);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"the response is not a valid {_codec.Kind}: {ex.Message}", ex);
        }
    }
}
