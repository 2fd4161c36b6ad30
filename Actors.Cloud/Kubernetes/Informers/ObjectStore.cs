namespace Actors.Cloud.Kubernetes.Informers;

/// <summary>
/// Thread-safe keyed store with secondary indexes (client-go's ThreadSafeStore + Indexer). Each indexer
/// maps an object to zero or more index values; indexes are kept in step on every change.
/// </summary>
public sealed class ObjectStore<T> : IReadOnlyObjectStore<T>
    where T : class
{
    private readonly Lock _lock = new();
    private readonly Func<T, string> _keyOf;
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers;
    private readonly Dictionary<string, Dictionary<string, HashSet<string>>> _indices = new(StringComparer.Ordinal);

    public ObjectStore(Func<T, string> keyOf, IReadOnlyDictionary<string, Func<T, IEnumerable<string>>>? indexers = null)
    {
        _keyOf = keyOf;
        _indexers = new Dictionary<string, Func<T, IEnumerable<string>>>(
            indexers ?? new Dictionary<string, Func<T, IEnumerable<string>>>(), StringComparer.Ordinal);
        foreach (var name in _indexers.Keys)
        {
            _indices[name] = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    public string KeyOf(T value) => _keyOf(value);

    /// <summary>Adds or replaces; returns the previous object with that key, if any.</summary>
    public T? Upsert(T value)
    {
        var key = _keyOf(value);
        lock (_lock)
        {
            _items.TryGetValue(key, out var old);
            if (old is not null)
            {
                Unindex(key, old);
            }
            _items[key] = value;
            Index(key, value);
            return old;
        }
    }

    /// <summary>Removes by key; returns the removed object, if any.</summary>
    public T? Remove(string key)
    {
        lock (_lock)
        {
            if (!_items.Remove(key, out var old))
            {
                return null;
            }
            Unindex(key, old);
            return old;
        }
    }

    public T? Get(string key)
    {
        lock (_lock)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    public IReadOnlyList<T> List()
    {
        lock (_lock)
        {
            return [.. _items.Values];
        }
    }

    public IReadOnlyList<string> ListKeys()
    {
        lock (_lock)
        {
            return [.. _items.Keys];
        }
    }

    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        lock (_lock)
        {
            var index = IndexNamed(indexName);
            return index.TryGetValue(value, out var keys) ? [.. keys.Select(k => _items[k])] : [];
        }
    }

    public IReadOnlyList<string> IndexValues(string indexName)
    {
        lock (_lock)
        {
            return [.. IndexNamed(indexName).Keys];
        }
    }

    private Dictionary<string, HashSet<string>> IndexNamed(string indexName)
        => _indices.TryGetValue(indexName, out var index)
            ? index
            : throw new ArgumentException($"the store has no index named '{indexName}'", nameof(indexName));

    private void Index(string key, T value)
    {
        foreach (var (name, indexer) in _indexers)
        {
            var index = _indices[name];
            foreach (var indexValue in indexer(value))
            {
                if (!index.TryGetValue(indexValue, out var keys))
                {
                    keys = new HashSet<string>(StringComparer.Ordinal);
                    index[indexValue] = keys;
                }
                keys.Add(key);
            }
        }
    }

    private void Unindex(string key, T value)
    {
        foreach (var (name, indexer) in _indexers)
        {
            var index = _indices[name];
            foreach (var indexValue in indexer(value))
            {
                if (index.TryGetValue(indexValue, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    index.Remove(indexValue);
                }
            }
        }
    }
}
