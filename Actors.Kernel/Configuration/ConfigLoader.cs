namespace Actors.Kernel.Configuration;

/// <summary>
/// Builds the effective configuration of a host from its layers, highest priority first:
/// <list type="number">
/// <item>command-line overrides <c>-D key=value</c> (origin "command line");</item>
/// <item>environment variables named <c>EDGEACTORS_…</c> (origin "env NAME");</item>
/// <item>the file given with <c>--config FILE</c> (origin file:line);</item>
/// <item>the assembly's embedded <c>reference.conf</c> (the defaults).</item>
/// </list>
/// reference.conf must resolve on its own; then the layers are merged unresolved and resolved
/// once, so higher layers can steer substitutions in lower ones; a substitution whose path is absent everywhere falls back to the environment
/// variable of that exact name (<c>${HOME}</c>).
/// <para>Environment mapping: strip the <c>EDGEACTORS_</c> prefix, split the rest on double
/// underscores (<c>__</c> → <c>.</c>), turn each remaining single underscore into a dash
/// (<c>_</c> → <c>-</c>) and lower-case everything. Example:
/// <c>EDGEACTORS_EDGECORE__MODULES__EDGEHUB__HEARTBEAT_PERIOD=20s</c> sets
/// <c>edgecore.modules.edgehub.heartbeat-period = "20s"</c>. Values are strings, converted when
/// read; a value starting with <c>[</c> or <c>{</c> is parsed as HOCON (lists and objects).</para>
/// </summary>
public sealed class ConfigLoader
{
    /// <summary>Prefix of environment variables that override configuration keys.</summary>
    public const string EnvironmentPrefix = "EDGEACTORS_";

    private readonly HoconDocument _reference;
    private readonly Func<string, string?> _getVariable;
    private readonly Func<IEnumerable<KeyValuePair<string, string>>> _listVariables;

    /// <param name="reference">The parsed reference.conf (defaults).</param>
    /// <param name="getVariable">Environment lookup for <c>${NAME}</c> fallback.</param>
    /// <param name="listVariables">All environment variables (for the <c>EDGEACTORS_</c> layer).</param>
    public ConfigLoader(HoconDocument reference, Func<string, string?> getVariable, Func<IEnumerable<KeyValuePair<string, string>>> listVariables)
    {
        _reference = reference ?? throw new ArgumentNullException(nameof(reference));
        _getVariable = getVariable ?? throw new ArgumentNullException(nameof(getVariable));
        _listVariables = listVariables ?? throw new ArgumentNullException(nameof(listVariables));
    }

    /// <summary>A loader over the real process environment.</summary>
    public static ConfigLoader ForProcess(HoconDocument reference) =>
        new(reference, Environment.GetEnvironmentVariable, ProcessVariables);

    /// <summary>Loads and resolves the effective configuration.</summary>
    public Config Load(ConfigArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);

        // The defaults must stand on their own (spec §11); a reference.conf that only resolves
        // with help from the deploy file is a packaging bug, reported as such.
        _reference.Resolve(_getVariable);
        var merged = _reference;
        if (arguments.ConfigFile is { } file)
        {
            if (!File.Exists(file))
            {
                throw new ConfigurationException($"{file}: configuration file not found");
            }

            merged = HoconDocument.FromFile(file).WithFallback(merged);
        }

        var env = _listVariables()
            .Select(v => (Path: EnvironmentNameToPath(v.Key), v.Key, v.Value))
            .Where(v => v.Path is not null)
            .OrderBy(v => v.Key, StringComparer.Ordinal);
        foreach (var (path, key, value) in env)
        {
            merged = HoconDocument.FromValues([new(path!, value)], "env " + key).WithFallback(merged);
        }

        if (arguments.Overrides.Count > 0)
        {
            merged = HoconDocument.FromValues(arguments.Overrides, "command line").WithFallback(merged);
        }

        return merged.Resolve(_getVariable);
    }

    /// <summary>Maps <c>EDGEACTORS_A__B_C</c> to the path expression <c>a.b-c</c>; null when the name is not ours.</summary>
    public static string? EnvironmentNameToPath(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.StartsWith(EnvironmentPrefix, StringComparison.Ordinal) || name.Length == EnvironmentPrefix.Length)
        {
            return null;
        }

        var segments = name[EnvironmentPrefix.Length..].Split("__")
            .Select(s => s.Replace('_', '-').ToLowerInvariant())
            .ToList();
        return segments.Exists(s => s.Length == 0) ? null : HoconPath.Render(segments);
    }

    private static IEnumerable<KeyValuePair<string, string>> ProcessVariables()
    {
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            yield return new KeyValuePair<string, string>((string)entry.Key, entry.Value as string ?? string.Empty);
        }
    }
}
