namespace Actors.Cloud.Kubernetes.Informers;

/// <summary>Read access to an informer's local cache. Objects are shared: treat them as read-only (copy before changing).</summary>
public interface IReadOnlyObjectStore<T>
    where T : class
{
    int Count { get; }

    /// <summary>By cache key: "namespace/name" (or "name" for cluster-scoped objects).</summary>
    T? Get(string key);

    IReadOnlyList<T> List();

    IReadOnlyList<string> ListKeys();

    /// <summary>Objects whose indexer named <paramref name="indexName"/> yields <paramref name="value"/>.</summary>
    IReadOnlyList<T> ByIndex(string indexName, string value);

    /// <summary>Every value the index currently holds (for example every node name with pods).</summary>
    IReadOnlyList<string> IndexValues(string indexName);
}
