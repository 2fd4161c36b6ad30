using System.Collections.Concurrent;

namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>Process-lifetime <see cref="IAckStore"/> (lost on restart; shared by all sessions of one CloudHub).</summary>
public sealed class InMemoryAckStore : IAckStore
{
    private readonly ConcurrentDictionary<(string Node, string Key), (string Version, string Resource)> _versions = new();

    public string? AckedVersion(string nodeId, string objectKey) =>
        _versions.TryGetValue((nodeId, objectKey), out var acked) ? acked.Version : null;

    public void RecordAck(string nodeId, string objectKey, string version, string resource = "") => _versions[(nodeId, objectKey)] = (version, resource);

    public void RecordSent(string nodeId, string objectKey, string resource) =>
        _versions.AddOrUpdate((nodeId, objectKey), (string.Empty, resource), (_, known) => known.Resource.Length > 0 ? known : (known.Version, resource));

    public IReadOnlyList<AckedObject> AckedObjects(string nodeId) =>
        [.. _versions.Where(e => e.Key.Node == nodeId).Select(e => new AckedObject(e.Key.Key, e.Value.Resource))];

    public void Forget(string nodeId, string objectKey) => _versions.TryRemove((nodeId, objectKey), out _);
}
