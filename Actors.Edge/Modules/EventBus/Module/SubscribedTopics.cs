namespace Actors.Edge.Modules.EventBus.Module;

/// <summary>
/// The topics subscribed on behalf of the cloud (KubeEdge's <c>sub_topics</c> table). Kept in memory by the module
/// object, so they survive a restart of the module's actor but not of the process. Thread-safe.
/// </summary>
internal sealed class SubscribedTopics
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);

    public bool Add(string topic)
    {
        lock (_gate)
        {
            return _topics.Add(topic);
        }
    }

    public bool Remove(string topic)
    {
        lock (_gate)
        {
            return _topics.Remove(topic);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _topics];
        }
    }
}
