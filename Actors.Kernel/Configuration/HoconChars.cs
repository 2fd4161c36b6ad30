namespace Actors.Kernel.Configuration;

/// <summary>Character classes of the HOCON lexical layer.</summary>
internal static class HoconChars
{
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    /// <summary>Unicode space separators, BOM, ASCII whitespace controls and U+001C..U+001F.</summary>
    public static bool IsWhitespace(char c) =>
        c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '\uFEFF' or (>= '\u001C' and <= '\u001F')
        || (c > 127 && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.SpaceSeparator
            or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator);

    /// <summary>Characters never allowed in unquoted text.</summary>
    public static bool IsForbidden(char c) => Forbidden.Contains(c, StringComparison.Ordinal);
}
