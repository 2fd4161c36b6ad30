namespace Actors.Kernel.Configuration;

/// <summary>
/// Default include loader. <c>include "x"</c> and <c>include file("x")</c> resolve relative paths
/// against the including file's directory (for a parsed string: <see cref="BaseDirectory"/>);
/// absolute paths are used as is. Unlike lightbend/config, <c>file()</c> is also relative to the
/// including file, so a configuration never depends on the process working directory.
/// <c>classpath("x")</c> goes to the optional resource lookup (e.g. embedded resources) and is
/// refused when none is given; <c>url()</c> is always refused (no network access at start-up).
/// </summary>
public sealed class FileIncludeLoader : IHoconIncludeLoader
{
    private readonly Func<string, string?>? _resourceLookup;

    /// <param name="baseDirectory">Directory for relative includes in documents that are not files.</param>
    /// <param name="resourceLookup">Returns the text of a named resource for classpath(), or null if absent.</param>
    public FileIncludeLoader(string? baseDirectory = null, Func<string, string?>? resourceLookup = null)
    {
        BaseDirectory = baseDirectory ?? Directory.GetCurrentDirectory();
        _resourceLookup = resourceLookup;
    }

    public string BaseDirectory { get; }

    public HoconIncludeSource? Load(HoconIncludeKind kind, string name, string? includingLocation)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (kind == HoconIncludeKind.Url || (kind == HoconIncludeKind.Heuristic && LooksLikeUrl(name)))
        {
            throw new ConfigurationException($"include url(\"{name}\") is not supported: copy the file locally and include it with file(...)");
        }

        if (kind == HoconIncludeKind.Classpath)
        {
            if (_resourceLookup is null)
            {
                throw new ConfigurationException($"include classpath(\"{name}\") is not supported here: no resource lookup is configured");
            }

            var text = _resourceLookup(name);
            return text is null ? null : new HoconIncludeSource(text, "resource:" + name, "resource:" + name);
        }

        var baseDir = includingLocation is not null && !includingLocation.StartsWith("resource:", StringComparison.Ordinal)
            ? Path.GetDirectoryName(includingLocation) ?? BaseDirectory
            : BaseDirectory;
        string path;
        try
        {
            path = Path.GetFullPath(Path.IsPathRooted(name) ? name : Path.Combine(baseDir, name));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ConfigurationException($"include \"{name}\" is not a valid file name: {e.Message}");
        }

        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return new HoconIncludeSource(File.ReadAllText(path), path, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"include \"{name}\" could not be read ({path}): {e.Message}");
        }
    }

    private static bool LooksLikeUrl(string name) =>
        Uri.TryCreate(name, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ftp" or "jar";
}
