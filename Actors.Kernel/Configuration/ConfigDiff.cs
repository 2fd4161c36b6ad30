namespace Actors.Kernel.Configuration;

/// <summary>Leaf-level comparison of two configs.</summary>
public static class ConfigDiff
{
    /// <summary>Leaf paths whose value was added, removed or changed (origins ignored), sorted.</summary>
    public static IReadOnlyList<string> ChangedKeys(Config before, Config after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.AsEnumerable().ToDictionary(p => p.Key, p => HoconRenderer.ToJson(p.Value, indented: false), StringComparer.Ordinal);
        var now = after.AsEnumerable().ToDictionary(p => p.Key, p => HoconRenderer.ToJson(p.Value, indented: false), StringComparer.Ordinal);
        return old.Keys.Union(now.Keys)
            .Where(k => !old.TryGetValue(k, out var a) || !now.TryGetValue(k, out var b) || a != b)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
