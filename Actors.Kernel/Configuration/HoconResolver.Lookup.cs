namespace Actors.Kernel.Configuration;

internal sealed partial class HoconResolver
{
    private HoconSubstitution? _current;

    private HoconValue? Lookup(HoconSubstitution subst)
    {
        var previous = _current;
        _current = subst;
        try
        {
            var cycle = false;
            if (subst.Prefix.Count > 0)
            {
                var relative = Find(subst.Prefix.Concat(subst.Path).ToList(), ref cycle);
                if (relative is not null)
                {
                    return relative;
                }
            }

            var found = Find(subst.Path, ref cycle);
            if (found is not null)
            {
                return found;
            }

            var name = string.Join('.', subst.Path);
            if (!cycle && _environment?.Invoke(name) is { } env)
            {
                return HoconScalar.String(env, new ConfigOrigin("env"));
            }

            if (subst.Optional)
            {
                return null;
            }

            throw new ConfigurationException(subst.Origin.Description, subst.Origin.Line, subst.Column, cycle
                ? $"substitution cycle: {subst} refers back to a value that is still being resolved ({string.Join(" -> ", _chain.Select(Display))})"
                : $"could not resolve substitution {subst}: '{name}' is not defined"
                    + (_environment is null ? string.Empty : " in the configuration or the environment"));
        }
        finally
        {
            _current = previous;
        }
    }

    /// <summary>Walks a path, resolving only what is needed. Null when undefined.</summary>
    private HoconValue? Find(IReadOnlyList<string> path, ref bool cycle)
    {
        HoconValue current = _root;
        var key = string.Empty;
        for (var k = 0; k < path.Count; k++)
        {
            key = Child(key, path[k]);
            if (current is not HoconObject obj || !obj.TryGetValue(path[k], out var child))
            {
                return null;
            }

            var frameIndex = EligibleFrame(key);
            if (frameIndex >= 0)
            {
                var frame = _frames[frameIndex]!;
                var before = frame.Stack?.Before(frame.Index);
                if (before is null)
                {
                    cycle |= frameIndex < _frames.Count - 1;
                    return null;
                }

                child = ResolveField(key, before);
            }
            else if (k == path.Count - 1 || child is not HoconObject)
            {
                child = ResolveField(key, child);
            }

            if (k == path.Count - 1)
            {
                return child;
            }

            if (child is not HoconObject)
            {
                return null;
            }

            current = child;
        }

        return current;
    }

    private int EligibleFrame(string key)
    {
        for (var i = _frames.Count - 1; i >= 0; i--)
        {
            var frame = _frames[i];
            if (frame is null)
            {
                return -1;
            }

            if (frame.Path == key)
            {
                return i;
            }
        }

        return -1;
    }
}
