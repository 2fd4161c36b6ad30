using System.Reflection;

namespace Actors.Kernel.Configuration;

/// <summary>
/// Entry points in Akka.NET's shape. Parse methods resolve substitutions against the document
/// itself (no environment fallback unless an <c>environment</c> lookup is passed). Use
/// <see cref="HoconDocument"/> to merge several unresolved sources before resolving.
/// </summary>
public static class ConfigurationFactory
{
    /// <summary>A new empty config.</summary>
    public static Config Empty => Config.Empty;

    /// <summary>Parses and resolves HOCON text. Relative includes resolve against the current directory.</summary>
    public static Config ParseString(string hocon, IHoconIncludeLoader? includeLoader = null, Func<string, string?>? environment = null) =>
        HoconDocument.Parse(hocon, includeLoader: includeLoader).Resolve(environment);

    /// <summary>Parses and resolves a file (.conf/.json as HOCON, .properties as Java properties).</summary>
    public static Config FromFile(string path, IHoconIncludeLoader? includeLoader = null, Func<string, string?>? environment = null) =>
        HoconDocument.FromFile(path, includeLoader).Resolve(environment);

    /// <summary>Parses and resolves an embedded resource whose manifest name ends with <paramref name="name"/>.</summary>
    public static Config FromResource(Assembly assembly, string name, Func<string, string?>? environment = null) =>
        HoconDocument.FromResource(assembly, name)?.Resolve(environment)
        ?? throw new ConfigurationException($"embedded resource '{name}' was not found in {assembly?.GetName().Name}");
}
