namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>
/// Acknowledged object versions per node (KubeEdge's ObjectSync status). The in-memory implementation is the first
/// step; a durable (SQLite / persistence) one replaces it so that a restarted cloudcore sends only newer versions.
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
