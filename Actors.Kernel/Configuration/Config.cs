using System.Collections.Concurrent;

namespace Actors.Kernel.Configuration;

/// <summary>
/// A resolved, immutable configuration tree with typed getters (Akka.NET's shape). Paths are
/// HOCON path expressions (<c>a.b."c.d"</c>). Lookups are cached per path after first access.
/// Missing paths and null values give the supplied default; values of the wrong type throw a
/// <see cref="ConfigurationException"/> naming the path, its origin and the expected type.
/// </summary>
public sealed partial class Config
{
    private readonly ConcurrentDictionary<string, HoconValue?> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Path, int Kind), object> _converted = new();

    /// <summary>Wraps a resolved root object.</summary>
    public Config(HoconObject root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (!root.IsResolved)
        {
            throw new ArgumentException("the tree still contains substitutions; resolve it first", nameof(root));
        }

        Root = root;
    }

    /// <summary>A new empty configuration.</summary>
    public static Config Empty => new(new HoconObject(new ConfigOrigin("empty")));

    /// <summary>The resolved root object.</summary>
    public HoconObject Root { get; }

    /// <summary>True when the root has no keys.</summary>
    public bool IsEmpty => Root.Count == 0;

    /// <summary>The value at <paramref name="path"/>, or null when absent. Cached.</summary>
    public HoconValue? GetValue(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (_cache.TryGetValue(path, out var cached))
        {
            return cached;
        }

        return _cache.GetOrAdd(path, Find(HoconPath.Parse(path)));
    }

    /// <summary>True when the path exists and is not null (as in lightbend/config).</summary>
    public bool HasPath(string path) => GetValue(path) is { Type: not HoconValueType.Null };

    /// <summary>The object at <paramref name="path"/> as a Config; empty when absent.</summary>
    public Config GetConfig(string path)
    {
        return GetValue(path) switch
        {
            null or { Type: HoconValueType.Null } => Empty,
            HoconObject obj => new Config(obj),
            var other => throw WrongType(path, other, "an object"),
        };
    }

    /// <summary>This config with <paramref name="fallback"/> underneath (this wins; objects merge).</summary>
    public Config WithFallback(Config fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return fallback.IsEmpty ? this : IsEmpty ? fallback : new Config(HoconConcat.MergeResolved(fallback.Root, Root));
    }

    /// <summary>Every leaf (non-object value) with its full path, in definition order.</summary>
    public IEnumerable<KeyValuePair<string, HoconValue>> AsEnumerable() => Flatten(Root, string.Empty);

    /// <summary>Renders as HOCON; with origins, each value is preceded by a comment naming where it came from.</summary>
    public string ToHocon(bool withOrigins = false) => HoconRenderer.ToHocon(Root, withOrigins);

    /// <summary>Renders as JSON.</summary>
    public string ToJson(bool indented = true) => HoconRenderer.ToJson(Root, indented);

    public override string ToString() => ToHocon();

    private static IEnumerable<KeyValuePair<string, HoconValue>> Flatten(HoconObject obj, string prefix)
    {
        foreach (var (key, value) in obj)
        {
            var path = prefix.Length == 0 ? HoconPath.RenderKey(key) : prefix + "." + HoconPath.RenderKey(key);
            if (value is HoconObject child && child.Count > 0)
            {
                foreach (var leaf in Flatten(child, path))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return new KeyValuePair<string, HoconValue>(path, value);
            }
        }
    }

    private HoconValue? Find(IReadOnlyList<string> path)
    {
        HoconValue current = Root;
        foreach (var key in path)
        {
            if (current is not HoconObject obj || !obj.TryGetValue(key, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private static ConfigurationException WrongType(string path, HoconValue value, string expected) =>
        new($"{value.Origin}: '{path}' has {Describe(value)} but {expected} is required");

    private static string Describe(HoconValue value) => value switch
    {
        HoconScalar s when s.Type == HoconValueType.String => $"the string \"{s.Text}\"",
        HoconScalar s => $"the {s.Type.ToString().ToLowerInvariant()} {s.Text}",
        _ => value.Type == HoconValueType.Object ? "an object" : "an array",
    };
}
