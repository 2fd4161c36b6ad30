using System.Text.Json.Nodes;

namespace Actors.Cloud.ApiServer.Storage;

/// <summary>The view a write gets inside the store's single writer: reads see earlier writes of the same transaction.</summary>
public interface IStoreTransaction
{
    JsonObject? Get(ObjectKey key);

    /// <summary>Objects of one kind, optionally restricted to a namespace, in (namespace, name) order.</summary>
    IReadOnlyList<JsonObject> List(string kindKey, string? ns);

    /// <summary>Keys of every object stored in a namespace, any kind.</summary>
    IReadOnlyList<ObjectKey> KeysInNamespace(string ns);

    /// <summary>Stores the object under a new revision (written into metadata.resourceVersion) and returns the stored copy.</summary>
    JsonObject Put(ObjectKey key, JsonObject obj);

    /// <summary>Removes the object; the DELETED event carries <paramref name="last"/> stamped with the deletion revision.</summary>
    JsonObject Delete(ObjectKey key, JsonObject last);
}
