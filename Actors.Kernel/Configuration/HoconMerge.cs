namespace Actors.Kernel.Configuration;

/// <summary>Duplicate-key and object-merge rules applied while building a tree.</summary>
internal static class HoconMerge
{
    /// <summary>Assigns <paramref name="value"/> to <paramref name="key"/>, merging with an existing value.</summary>
    public static void Assign(HoconObject target, string key, HoconValue value)
    {
        target.Set(key, target.TryGetValue(key, out var existing) ? Merge(existing, value) : value);
    }

    /// <summary>Combines an older and a newer assignment of the same field.</summary>
    public static HoconValue Merge(HoconValue older, HoconValue newer)
    {
        if (newer is HoconObject newObject)
        {
            switch (older)
            {
                case HoconObject oldObject:
                    foreach (var (k, v) in newObject)
                    {
                        Assign(oldObject, k, v);
                    }

                    return oldObject;
                case HoconMergeStack stack:
                    return stack.With(newer);
                case HoconSubstitution or HoconConcatenation:
                    return new HoconMergeStack([older, newer]);
                default:
                    return newer;
            }
        }

        if (newer is HoconSubstitution or HoconConcatenation or HoconMergeStack)
        {
            var stack = older as HoconMergeStack ?? new HoconMergeStack([older]);
            if (newer is HoconMergeStack newStack)
            {
                foreach (var entry in newStack.Entries)
                {
                    stack = stack.With(entry);
                }

                return stack;
            }

            return stack.With(newer);
        }

        return newer;
    }

    /// <summary>Wraps a value in nested objects for a dotted key: [a,b,c] + v → {a:{b:{c:v}}} minus the first level.</summary>
    public static HoconValue Wrap(IReadOnlyList<string> path, int from, HoconValue value, ConfigOrigin origin)
    {
        for (var i = path.Count - 1; i >= from; i--)
        {
            var obj = new HoconObject(origin);
            obj.Set(path[i], value);
            value = obj;
        }

        return value;
    }
}
