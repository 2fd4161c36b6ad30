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

    /// <summary>Records an ACK of <paramref name="version"/>.</summary>
    void RecordAck(string nodeId, string objectKey, string version);

    /// <summary>Forgets the object (it was deleted on the edge).</summary>
    void Forget(string nodeId, string objectKey);
}
