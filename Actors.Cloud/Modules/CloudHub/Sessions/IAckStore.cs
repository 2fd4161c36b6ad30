namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>
/// Acknowledged object versions per node (KubeEdge's ObjectSync: node + object UID → acknowledged resourceVersion).
/// A message whose version is not newer than the acknowledged one is not sent again. Thread-safe: all sessions of
/// one CloudHub share it. <see cref="InMemoryAckStore"/> is process-lifetime; <see cref="SqliteAckStore"/> survives
/// restarts.
/// </summary>
public interface IAckStore
{
    /// <summary>The last version of <paramref name="objectKey"/> the node acknowledged, or null.</summary>
    string? AckedVersion(string nodeId, string objectKey);

    /// <summary>Records an ACK of <paramref name="version"/>; <paramref name="resource"/> is the object's cloud-form path
    /// (<c>node/&lt;n&gt;/&lt;ns&gt;/&lt;type&gt;/&lt;name&gt;</c>), kept so deletions can be reconciled.</summary>
    void RecordAck(string nodeId, string objectKey, string version, string resource = "");

    /// <summary>
    /// Records that an object was sent to the node (it may hold it even if its ACK never arrives: ACKs queue behind the
    /// edge's upstream rate limit and can outlive the session). Keeps the acknowledged version if there is one; a new
    /// record has no version, so it never stops a send. Cheap when the object is already recorded.
    /// </summary>
    void RecordSent(string nodeId, string objectKey, string resource);

    /// <summary>
    /// Every object sent to or acknowledged by the node and not deleted there since (KubeEdge's ObjectSync records): a
    /// superset of what the node holds, which is what deletions are reconciled against.
    /// </summary>
    IReadOnlyList<AckedObject> AckedObjects(string nodeId);

    /// <summary>Forgets the object (it was deleted on the edge).</summary>
    void Forget(string nodeId, string objectKey);
}

/// <summary>An object a node acknowledged: its key (UID) and its cloud-form resource path (empty if recorded before paths were kept).</summary>
public sealed record AckedObject(string ObjectKey, string Resource);
