namespace Actors.Kernel.Configuration;

/// <summary>
/// A configuration error (syntax, substitution, include, type conversion or validation).
/// The message is complete on its own: it names the origin (file or "string"), the line and
/// column when known, and what was expected, so hosts print it without a stack trace.
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException()
        : base("configuration error")
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Error at a position in a source.</summary>
    public ConfigurationException(string source, int line, int column, string problem)
        : base(Format(source, line, column, problem))
    {
        Source = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>Origin of the offending text ("string" for in-memory input), when known.</summary>
    public new string? Source { get; }

    /// <summary>1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column, or 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The problem without the position prefix.</summary>
    public string? Problem { get; }

    internal static ConfigurationException At(ConfigOrigin origin, string problem) =>
        new(origin.Description, origin.Line, 0, problem);

    private static string Format(string source, int line, int column, string problem) =>
        line <= 0 ? $"{source}: {problem}"
        : column <= 0 ? $"{source}:{line}: {problem}"
        : $"{source}:{line}:{column}: {problem}";
}
