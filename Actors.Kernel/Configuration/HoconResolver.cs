namespace Actors.Kernel.Configuration;

/// <summary>
/// Resolves substitutions over a merged tree. Self-references look back to the value a field had
/// before the assignment being resolved; true cycles are errors naming the chain.
/// </summary>
internal sealed partial class HoconResolver
{
    private const int MaxFrames = 400;
    private readonly HoconObject _root;
    private readonly Func<string, string?>? _environment;
    private readonly Dictionary<HoconValue, HoconValue?> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<HoconValue, string> _inProgress = new(ReferenceEqualityComparer.Instance);
    private readonly List<string> _chain = [];
    private readonly List<Frame?> _frames = [];

    private HoconResolver(HoconObject root, Func<string, string?>? environment)
    {
        _root = root;
        _environment = environment;
    }

    /// <summary>Resolves every substitution in <paramref name="root"/>; environment lookup only when given.</summary>
    public static HoconObject Resolve(HoconObject root, Func<string, string?>? environment)
    {
        if (root.IsResolved)
        {
            return root;
        }

        var resolver = new HoconResolver(root, environment);
        return (HoconObject)resolver.ResolveValue(root, string.Empty)!;
    }

    private static string Child(string path, string key) => path.Length == 0 ? key : path + "\0" + key;

    private static string Display(string path) => HoconPath.Render(path.Split('\0'));

    private HoconValue? ResolveField(string path, HoconValue node)
    {
        if (node is HoconScalar || (node is HoconObject or HoconArray && node.IsResolved))
        {
            return node;
        }

        if (_memo.TryGetValue(node, out var done))
        {
            return done;
        }

        if (_inProgress.ContainsKey(node))
        {
            throw CycleError(path);
        }

        _inProgress[node] = path;
        _chain.Add(path);
        try
        {
            var result = node is HoconMergeStack stack
                ? ResolveStackAt(path, stack, stack.Entries.Count - 1)
                : ResolveEntry(path, node, null, 0);
            _memo[node] = result;
            return result;
        }
        finally
        {
            _inProgress.Remove(node);
            _chain.RemoveAt(_chain.Count - 1);
        }
    }

    private HoconValue? ResolveStackAt(string path, HoconMergeStack stack, int index)
    {
        var value = ResolveEntry(path, stack.Entries[index], stack, index);
        if (value is null)
        {
            return ResolveBefore(path, stack, index);
        }

        if (value is HoconObject obj && index > 0)
        {
            return ResolveBefore(path, stack, index) is HoconObject older ? HoconConcat.MergeResolved(older, obj) : obj;
        }

        return value;
    }

    private HoconValue? ResolveBefore(string path, HoconMergeStack? stack, int index)
    {
        var before = stack?.Before(index);
        return before is null ? null : ResolveField(path, before);
    }

    private HoconValue? ResolveEntry(string path, HoconValue node, HoconMergeStack? stack, int index)
    {
        if (_frames.Count >= MaxFrames)
        {
            throw new ConfigurationException(node.Origin.Description, node.Origin.Line, 0,
                $"substitutions and nesting are more than {MaxFrames} levels deep while resolving '{Display(path)}'");
        }

        _frames.Add(new Frame(path, stack, index));
        try
        {
            return ResolveValue(node, path);
        }
        finally
        {
            _frames.RemoveAt(_frames.Count - 1);
        }
    }

    private HoconValue? ResolveValue(HoconValue node, string path)
    {
        switch (node)
        {
            case HoconScalar:
                return node;
            case HoconObject or HoconArray when node.IsResolved:
                return node;
            case HoconObject obj:
                return WithBarrier(() => ResolveObject(obj, path));
            case HoconArray array:
                return WithBarrier(() => ResolveArray(array, path));
            case HoconSubstitution subst:
                return Lookup(subst);
            case HoconConcatenation concat:
                var parts = concat.Parts.Select(p => p is HoconScalar ? p : ResolveValue(p, path)).ToList();
                return HoconConcat.Join(parts, concat.Origin, concat.Origin.Description, resolved: true);
            default:
                return ResolveField(path, node);
        }
    }

    private T WithBarrier<T>(Func<T> action)
    {
        _frames.Add(null);
        try
        {
            return action();
        }
        finally
        {
            _frames.RemoveAt(_frames.Count - 1);
        }
    }

    private HoconObject ResolveObject(HoconObject obj, string path)
    {
        var result = new HoconObject(obj.Origin);
        foreach (var (key, value) in obj)
        {
            var resolved = ResolveField(Child(path, key), value);
            if (resolved is not null)
            {
                result.Set(key, resolved);
            }
        }

        return result;
    }

    private HoconArray ResolveArray(HoconArray array, string path)
    {
        var items = new List<HoconValue>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var item = ResolveEntry(Child(path, "[" + i + "]"), array[i], null, 0);
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return new HoconArray(array.Origin, items);
    }

    private ConfigurationException CycleError(string path)
    {
        var start = _chain.IndexOf(path);
        var loop = (start >= 0 ? _chain.Skip(start) : _chain).Append(path).Select(Display);
        var origin = _current?.Origin ?? _root.Origin;
        return new ConfigurationException(origin.Description, origin.Line, _current?.Column ?? 0,
            $"substitution cycle: {string.Join(" -> ", loop)}" + (_current is null ? string.Empty : $" (while resolving {_current})"));
    }

    private sealed record Frame(string Path, HoconMergeStack? Stack, int Index);
}
