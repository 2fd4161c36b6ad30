using System.Reflection;

namespace Actors.Kernel.Configuration;

/// <summary>
/// An unresolved parsed source. Documents are layered with <see cref="WithFallback"/> and resolved
/// once, after merging, so substitutions see the final merged values (spec §11).
/// </summary>
public sealed class HoconDocument
{
    private readonly HoconObject _root;

    private HoconDocument(HoconObject root) => _root = root;

    /// <summary>An empty document.</summary>
    public static HoconDocument Empty => new(new HoconObject(new ConfigOrigin("empty")));

    /// <summary>Parses HOCON text. <paramref name="originName"/> is shown in errors ("string" by default).</summary>
    public static HoconDocument Parse(string text, string originName = "string", IHoconIncludeLoader? includeLoader = null, string? location = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var context = new HoconParseContext(includeLoader ?? new FileIncludeLoader(), location);
        return new HoconDocument(HoconParseContext.ParseByName(text, originName, new ConfigOrigin(originName, 1), context, []));
    }

    /// <summary>Parses a file; .properties files use Java properties syntax, others HOCON.</summary>
    public static HoconDocument FromFile(string path, IHoconIncludeLoader? includeLoader = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full, text;
        try
        {
            full = Path.GetFullPath(path);
            text = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ConfigurationException($"{path}: cannot read configuration file: {e.Message}");
        }

        return Parse(text, path, includeLoader ?? new FileIncludeLoader(Path.GetDirectoryName(full)), full);
    }

    /// <summary>Parses an embedded resource whose manifest name ends with <paramref name="name"/>; null when absent.</summary>
    public static HoconDocument? FromResource(Assembly assembly, string name)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var text = ReadResource(assembly, name);
        if (text is null)
        {
            return null;
        }

        var origin = $"{assembly.GetName().Name}/{name}";
        return Parse(text, origin, new FileIncludeLoader(resourceLookup: n => ReadResource(assembly, n)), "resource:" + name);
    }

    /// <summary>Builds a document from path → value pairs (values are strings; "[..."/"{..." values are parsed as HOCON).</summary>
    public static HoconDocument FromValues(IEnumerable<KeyValuePair<string, string>> values, string originLabel)
    {
        ArgumentNullException.ThrowIfNull(values);
        var root = new HoconObject(new ConfigOrigin(originLabel));
        foreach (var (path, text) in values)
        {
            var origin = new ConfigOrigin(originLabel);
            var keys = HoconPath.Parse(path);
            HoconValue value = text.TrimStart() is ['[' or '{', ..]
                ? HoconParser.ParseDocument("v = " + text, origin, new HoconParseContext(null, null), [])["v"]
                : HoconScalar.String(text, origin);
            HoconMerge.Assign(root, keys[0], HoconMerge.Wrap(keys, 1, value, origin));
        }

        return new HoconDocument(root);
    }

    /// <summary>This document over <paramref name="fallback"/>: same as fallback's text followed by this one's.</summary>
    public HoconDocument WithFallback(HoconDocument fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        var merged = fallback._root.Copy();
        foreach (var (k, v) in _root.Copy())
        {
            HoconMerge.Assign(merged, k, v);
        }

        return new HoconDocument(merged);
    }

    /// <summary>Resolves substitutions; <paramref name="environment"/> is consulted for paths absent from the tree.</summary>
    public Config Resolve(Func<string, string?>? environment = null) =>
        new(HoconResolver.Resolve(_root, environment));

    private static string? ReadResource(Assembly assembly, string name)
    {
        var resource = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n == name || n.EndsWith("." + name, StringComparison.Ordinal) || n.EndsWith("/" + name, StringComparison.Ordinal));
        if (resource is null)
        {
            return null;
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
