using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Watch;

namespace Actors.Cloud.ApiServer.Storage;

/// <summary>Persistent object store with one monotonic revision across every kind. All writes go through one serialized writer.</summary>
public interface IObjectStore : IDisposable
{
    long Revision { get; }

    JsonObject? Get(ObjectKey key);

    /// <summary>
    /// Reads objects after <paramref name="after"/> (exclusive, "ns/name"), at most <paramref name="limit"/> (0 = all);
    /// a null <paramref name="filter"/> keeps every object without parsing it.
    /// </summary>
    ListPage List(string kindKey, string? ns, string? after, int limit, Func<JsonObject, bool>? filter);

    /// <summary>Runs <paramref name="work"/> as one atomic transaction; its events are published to watchers after commit, in order.</summary>
    T Write<T>(Func<IStoreTransaction, T> work);

    /// <summary>Opens a watch. <paramref name="fromRevision"/> null means "current state as ADDED events, then changes".</summary>
    /// <exception cref="RevisionCompactedException">When the revision is older than the retained event window.</exception>
    WatchSubscription Watch(string kindKey, string? ns, long? fromRevision);

    /// <summary>A revision a BOOKMARK may carry for this watcher (everything up to it delivered), or null when events are pending.</summary>
    long? ProgressRevision(WatchSubscription sub);
}
