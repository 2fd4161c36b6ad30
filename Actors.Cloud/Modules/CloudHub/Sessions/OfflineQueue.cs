using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.CloudHub.Sessions;

/// <summary>
/// Messages that need an ACK for one node while it has no session: the newest version per object key, in arrival
/// order, at most <c>capacity</c> objects (the oldest object is evicted beyond it). Owned by <see cref="CloudHubActor"/>.
/// </summary>
internal sealed class OfflineQueue(int capacity)
{
    private readonly OrderedDictionary<string, MessageEnvelope> _byKey = new(StringComparer.Ordinal);

    public int Count => _byKey.Count;

    /// <summary>Adds or supersedes; returns an evicted envelope, if the queue was full.</summary>
    public MessageEnvelope? Add(MessageEnvelope envelope)
    {
        var key = ObjectVersions.KeyOf(envelope);
        if (_byKey.TryGetValue(key, out var current))
        {
            if (!ObjectVersions.Supersedes(envelope, current.Header.ResourceVersion))
            {
                return null;
            }

            _byKey.Remove(key);
        }

        MessageEnvelope? evicted = null;
        if (_byKey.Count >= capacity)
        {
            evicted = _byKey.GetAt(0).Value;
            _byKey.RemoveAt(0);
        }

        _byKey.Add(key, envelope);
        return evicted;
    }

    /// <summary>The queued envelopes, oldest first.</summary>
    public IEnumerable<MessageEnvelope> Envelopes => _byKey.Values;
}
