using System.Collections.Concurrent;

namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>Process-lifetime <see cref="IAckStore"/> (lost on restart; shared by all sessions of one CloudHub).</summary>
public sealed class InMemoryAckStore : IAckStore
{
    private readonly ConcurrentDictionary<(string Node, string Key), string> _versions = new();

    public string? AckedVersion(string nodeId, string objectKey) =>
        _versions.TryGetValue((nodeId, objectKey), out var version) ? version : null;

    public void RecordAck(string nodeId, string objectKey, string version) => _versions[(nodeId, objectKey)] = version;

    public void Forget(string nodeId, string objectKey) => _versions.TryRemove((nodeId, objectKey), out _);
}
