namespace Actors.Kernel.Configuration;

/// <summary>
/// Where a configuration value came from: a file (with its line), a string parsed in code,
/// or a label such as "env", "command line" or "default".
/// </summary>
/// <param name="Description">File path, "string", or a label naming the source.</param>
/// <param name="Line">1-based line, or 0 when the source has no lines (env, command line).</param>
public sealed record ConfigOrigin(string Description, int Line = 0)
{
    /// <summary>Origin of values parsed from an in-memory string.</summary>
    public static ConfigOrigin FromString { get; } = new("string");

    /// <summary>Same source, another line.</summary>
    public ConfigOrigin AtLine(int line) => line == Line ? this : this with { Line = line };

    /// <summary>"file:line", or just the description when there is no line.</summary>
    public override string ToString() => Line > 0 ? $"{Description}:{Line}" : Description;
}
