namespace Actors.Kernel.Configuration;

/// <summary>Per-document parse state: the include loader, this document's location, and the include chain.</summary>
internal sealed class HoconParseContext
{
    private static readonly string[] ExtensionOrder = [".properties", ".json", ".conf"];
    private readonly IReadOnlyList<string> _chain;

    public HoconParseContext(IHoconIncludeLoader? loader, string? location)
        : this(loader, location, location is null ? [] : [location])
    {
    }

    private HoconParseContext(IHoconIncludeLoader? loader, string? location, IReadOnlyList<string> chain)
    {
        Loader = loader;
        Location = location;
        _chain = chain;
    }

    public IHoconIncludeLoader? Loader { get; }

    public string? Location { get; }

    /// <summary>Parses a document of the syntax implied by its name (.properties or HOCON/JSON).</summary>
    public static HoconObject ParseByName(string text, string name, ConfigOrigin origin, HoconParseContext context, IReadOnlyList<string> prefix)
    {
        if (name.EndsWith(".properties", StringComparison.OrdinalIgnoreCase))
        {
            return PropertiesParser.Parse(text, origin);
        }

        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            StrictJson.Validate(text, origin.Description);
        }

        return HoconParser.ParseDocument(text, origin, context, prefix);
    }

    /// <summary>Loads and parses an include; missing non-required includes give an empty object.</summary>
    public HoconObject Include(HoconIncludeKind kind, string name, bool required, IReadOnlyList<string> prefix, ConfigOrigin at, int column)
    {
        if (Loader is null)
        {
            throw new ConfigurationException(at.Description, at.Line, column,
                $"include \"{name}\" cannot be loaded: no include loader is configured for this source");
        }

        if (kind == HoconIncludeKind.Url)
        {
            throw new ConfigurationException(at.Description, at.Line, column,
                $"include url(\"{name}\") is not supported: copy the file locally and include it with file(...)");
        }

        var hasExtension = ExtensionOrder.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        var candidates = hasExtension ? [name] : ExtensionOrder.Select(e => name + e).ToArray();
        var result = new HoconObject(at);
        var found = false;
        foreach (var candidate in candidates)
        {
            HoconIncludeSource? source;
            try
            {
                source = Loader.Load(kind, candidate, Location);
            }
            catch (ConfigurationException e) when (e.Line == 0)
            {
                throw new ConfigurationException(at.Description, at.Line, column, e.Message);
            }

            if (source is null)
            {
                continue;
            }

            found = true;
            if (_chain.Contains(source.Location, StringComparer.Ordinal))
            {
                throw new ConfigurationException(at.Description, at.Line, column,
                    $"include cycle: {string.Join(" -> ", _chain.Append(source.Location))}");
            }

            var child = new HoconParseContext(Loader, source.Location, [.. _chain, source.Location]);
            var parsed = ParseByName(source.Text, candidate, new ConfigOrigin(source.OriginName, 1), child, prefix);
            foreach (var (k, v) in parsed)
            {
                HoconMerge.Assign(result, k, v);
            }
        }

        if (!found && required)
        {
            throw new ConfigurationException(at.Description, at.Line, column,
                $"required include \"{name}\" was not found" + (hasExtension ? string.Empty : " (tried .properties, .json and .conf)"));
        }

        return result;
    }
}
