using Actors.Cloud.Kubernetes.Models;

namespace Actors.Cloud.Kubernetes.Informers;

/// <summary>Where a <see cref="Reflector{T}"/> puts what it lists and watches (the informer's cache).</summary>
internal interface IReflectorSink<T>
    where T : class
{
    /// <summary>The resourceVersion to watch from: the last list's, raised by every event and bookmark.</summary>
    string? LastResourceVersion { get; }

    /// <summary>Replaces the cache with a full list (adds, updates, and deletes with unknown final state).</summary>
    void Replace(IReadOnlyList<T> items, string? resourceVersion);

    /// <summary>Applies one ADDED, MODIFIED, DELETED or BOOKMARK event.</summary>
    void Apply(WatchEvent<T> watchEvent);

    void ReportError(Exception error);
}
