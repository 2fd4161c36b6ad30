namespace Actors.Kernel.Configuration;

internal enum HoconTokenKind
{
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    Newline,
    Whitespace,
    QuotedString,
    Unquoted,
    Number,
    Substitution,
    End,
}
