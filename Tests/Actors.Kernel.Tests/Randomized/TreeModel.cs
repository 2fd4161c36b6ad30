namespace Actors.Kernel.Tests.Randomized;

/// <summary>The expected state of every node of a random tree under one supervision strategy.</summary>
internal sealed class TreeModel
{
    private readonly Dictionary<string, Entry> _nodes = [];
    private readonly Dictionary<string, string?> _parent = [];
    private readonly Dictionary<string, List<string>> _children = [];

    public TreeModel(NodeSpec root, string rootPath) => Add(root, rootPath, null);

    public IEnumerable<string> Paths => _nodes.Keys;

    public Entry this[string path] => _nodes[path];

    public IEnumerable<string> AliveNonRoot => _nodes.Where(kv => kv.Value.Alive && _parent[kv.Key] is not null).Select(kv => kv.Key);

    public void Inc(string path) => _nodes[path].Counter++;

    /// <summary>Applies a failure of <paramref name="path"/> as the given strategy defines it.</summary>
    public void Fail(string path, string strategy)
    {
        var siblings = strategy.StartsWith("AllForOne", StringComparison.Ordinal)
            ? _children[_parent[path]!].Where(p => _nodes[p].Alive).ToList()
            : [path];
        foreach (var p in siblings)
        {
            if (strategy.EndsWith("Restart", StringComparison.Ordinal))
            {
                Restart(p);
            }
            else if (strategy.EndsWith("Stop", StringComparison.Ordinal))
            {
                Stop(p);
            }
        }
    }

    private void Restart(string path)
    {
        foreach (var p in Subtree(path))
        {
            var e = _nodes[p];
            e.Counter = 0;
            e.Incarnation++;
            e.Alive = true;
        }
    }

    private void Stop(string path)
    {
        foreach (var p in Subtree(path))
        {
            _nodes[p].Alive = false;
        }
    }

    private IEnumerable<string> Subtree(string path) => new[] { path }.Concat(_children[path].SelectMany(Subtree));

    private void Add(NodeSpec spec, string path, string? parent)
    {
        _nodes[path] = new Entry();
        _parent[path] = parent;
        _children[path] = [];
        if (parent is not null)
        {
            _children[parent].Add(path);
        }

        foreach (var c in spec.Children)
        {
            Add(c, path + "/" + c.Name, path);
        }
    }

    internal sealed class Entry
    {
        public bool Alive { get; set; } = true;

        public int Counter { get; set; }

        public int Incarnation { get; set; } = 1;
    }
}
