using Actors.Edge.Modules.EventBus.Mqtt.Codec;

namespace Actors.Edge.Modules.EventBus.Mqtt.Broker;

/// <summary>
/// Topic-filter trie: one node per filter level, subscribers stored at the node where their filter ends.
/// Matching walks the topic's levels once, following the exact level, '+' and '#'. Thread-safe.
/// </summary>
internal sealed class SubscriptionTrie : IDisposable
{
    private readonly Node _root = new();
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);

    public void Dispose() => _lock.Dispose();

    public void Add(string filter, MqttSession session, MqttQos qos)
    {
        _lock.EnterWriteLock();
        try
        {
            var node = _root;
            foreach (var level in filter.Split('/'))
            {
                node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                if (!node.Children.TryGetValue(level, out var child))
                {
                    child = new Node();
                    node.Children[level] = child;
                }

                node = child;
            }

            node.Subscribers ??= [];
            node.Subscribers[session] = qos;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Remove(string filter, MqttSession session)
    {
        _lock.EnterWriteLock();
        try
        {
            RemoveAt(_root, filter.Split('/'), 0, session);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Adds every (session, max QoS) whose filter matches <paramref name="topic"/>; a session appears once.</summary>
    public void Match(string topic, List<(MqttSession Session, MqttQos Qos)> result)
    {
        var levels = topic.Split('/');
        _lock.EnterReadLock();
        try
        {
            Walk(_root, levels, 0, topic.StartsWith('$'), result);
        }
        finally
        {
            _lock.ExitReadLock();
        }

        if (result.Count > 1)
        {
            Deduplicate(result);
        }
    }

    private static void Walk(Node node, string[] levels, int index, bool dollar, List<(MqttSession, MqttQos)> result)
    {
        if (index == levels.Length)
        {
            AddAll(node, result);
            if (node.Children is not null && node.Children.TryGetValue("#", out var parentHash))
            {
                AddAll(parentHash, result); // "a/#" matches "a"
            }

            return;
        }

        if (node.Children is null)
        {
            return;
        }

        var rootWildcardsAllowed = !(dollar && index == 0);
        if (rootWildcardsAllowed && node.Children.TryGetValue("#", out var hash))
        {
            AddAll(hash, result);
        }

        if (rootWildcardsAllowed && node.Children.TryGetValue("+", out var plus))
        {
            Walk(plus, levels, index + 1, dollar, result);
        }

        if (node.Children.TryGetValue(levels[index], out var exact))
        {
            Walk(exact, levels, index + 1, dollar, result);
        }
    }

    private static void AddAll(Node node, List<(MqttSession, MqttQos)> result)
    {
        if (node.Subscribers is null)
        {
            return;
        }

        foreach (var (session, qos) in node.Subscribers)
        {
            result.Add((session, qos));
        }
    }

    private static void Deduplicate(List<(MqttSession Session, MqttQos Qos)> result)
    {
        var best = new Dictionary<MqttSession, MqttQos>(result.Count);
        foreach (var (session, qos) in result)
        {
            best[session] = best.TryGetValue(session, out var existing) && existing > qos ? existing : qos;
        }

        if (best.Count == result.Count)
        {
            return;
        }

        result.Clear();
        foreach (var (session, qos) in best)
        {
            result.Add((session, qos));
        }
    }

    private static bool RemoveAt(Node node, string[] levels, int index, MqttSession session)
    {
        if (index == levels.Length)
        {
            node.Subscribers?.Remove(session);
        }
        else if (node.Children is not null && node.Children.TryGetValue(levels[index], out var child) && RemoveAt(child, levels, index + 1, session))
        {
            node.Children.Remove(levels[index]);
        }

        return (node.Subscribers is null || node.Subscribers.Count == 0) && (node.Children is null || node.Children.Count == 0);
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children { get; set; }

        public Dictionary<MqttSession, MqttQos>? Subscribers { get; set; }
    }
}
