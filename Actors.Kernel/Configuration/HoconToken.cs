namespace Actors.Kernel.Configuration;

/// <summary>One lexical token with its 1-based position.</summary>
internal sealed record HoconToken(HoconTokenKind Kind, string Text, int Line, int Column)
{
    /// <summary>Substitution path (only for <see cref="HoconTokenKind.Substitution"/>).</summary>
    public IReadOnlyList<string>? Path { get; init; }

    /// <summary>True for <c>${?path}</c>.</summary>
    public bool Optional { get; init; }

    /// <summary>True for quoted or triple-quoted strings.</summary>
    public bool IsString => Kind == HoconTokenKind.QuotedString;

    /// <summary>Tokens that can be part of a simple value or key.</summary>
    public bool IsSimple => Kind is HoconTokenKind.QuotedString or HoconTokenKind.Unquoted or HoconTokenKind.Number;

    public string Describe() => Kind switch
    {
        HoconTokenKind.End => "end of input",
        HoconTokenKind.Newline => "newline",
        HoconTokenKind.QuotedString => "quoted string",
        HoconTokenKind.Substitution => "substitution",
        HoconTokenKind.Whitespace => "whitespace",
        _ => "'" + Text + "'",
    };
}
