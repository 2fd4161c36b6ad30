using System.Text;

namespace Actors.Kernel.Configuration;

/// <summary>Path expressions: <c>a.b."c.d"</c> ⇄ element lists.</summary>
public static class HoconPath
{
    /// <summary>Longest accepted path (keeps tree depth, and so recursion, bounded).</summary>
    internal const int MaxElements = 200;

    /// <summary>Parses a path expression; throws <see cref="ConfigurationException"/> when invalid.</summary>
    public static IReadOnlyList<string> Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var tokens = new HoconTokenizer(expression, "path expression").Tokenize();
        var keyTokens = tokens.Where(t => t.Kind != HoconTokenKind.End).ToList();
        if (keyTokens.Any(t => !t.IsSimple && t.Kind != HoconTokenKind.Whitespace))
        {
            throw new ConfigurationException($"invalid path expression '{expression}'");
        }

        return Build(keyTokens, "path expression");
    }

    /// <summary>Renders elements as a path expression, quoting where needed.</summary>
    public static string Render(IEnumerable<string> path) => string.Join('.', path.Select(RenderKey));

    /// <summary>Renders one key, quoted when it would not read back as itself.</summary>
    public static string RenderKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return NeedsQuotes(key) ? Quote(key) : key;
    }

    internal static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || HoconChars.IsWhitespace(c) && c != ' ')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Builds path elements from key tokens: unquoted dots split, quoted text is literal.</summary>
    internal static List<string> Build(IReadOnlyList<HoconToken> tokens, string source)
    {
        var trimmed = Trim(tokens);
        if (trimmed.Count == 0)
        {
            var at = tokens.Count > 0 ? tokens[0] : null;
            throw new ConfigurationException(source, at?.Line ?? 0, at?.Column ?? 0, "expected a key or path but found nothing");
        }

        var result = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        foreach (var token in trimmed)
        {
            if (token.IsString || token.Kind == HoconTokenKind.Whitespace)
            {
                current.Append(token.Text);
                hasContent = true;
                continue;
            }

            foreach (var c in token.Text)
            {
                if (c != '.')
                {
                    current.Append(c);
                    hasContent = true;
                    continue;
                }

                if (!hasContent)
                {
                    throw new ConfigurationException(source, token.Line, token.Column,
                        $"path has an empty element (quote it as \"\" if intended) in '{Text(trimmed)}'");
                }

                result.Add(current.ToString());
                current.Clear();
                hasContent = false;
            }
        }

        if (!hasContent)
        {
            throw new ConfigurationException(source, trimmed[^1].Line, trimmed[^1].Column,
                $"path ends with '.' in '{Text(trimmed)}'");
        }

        result.Add(current.ToString());
        if (result.Count > MaxElements)
        {
            throw new ConfigurationException(source, trimmed[0].Line, trimmed[0].Column, $"path has more than {MaxElements} elements");
        }

        return result;
    }

    private static List<HoconToken> Trim(IReadOnlyList<HoconToken> tokens)
    {
        var start = 0;
        var end = tokens.Count;
        while (start < end && tokens[start].Kind == HoconTokenKind.Whitespace)
        {
            start++;
        }

        while (end > start && tokens[end - 1].Kind == HoconTokenKind.Whitespace)
        {
            end--;
        }

        return tokens.Skip(start).Take(end - start).ToList();
    }

    private static string Text(IEnumerable<HoconToken> tokens) =>
        string.Concat(tokens.Select(t => t.IsString ? Quote(t.Text) : t.Text));

    private static bool NeedsQuotes(string key)
    {
        if (key.Length == 0 || key == "include")
        {
            return true;
        }

        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c == '.' || HoconChars.IsForbidden(c) || HoconChars.IsWhitespace(c) || (c == '/' && i + 1 < key.Length && key[i + 1] == '/'))
            {
                return true;
            }
        }

        return false;
    }
}
