namespace Actors.Kernel.Configuration;

internal sealed partial class HoconParser
{
    /// <summary>Parses an include directive; returns the included name (used only to describe a later error).</summary>
    private string ParseInclude(HoconObject target, IReadOnlyList<string> path, bool inArray)
    {
        var keyword = Take();
        var (kind, name, required) = ReadIncludeSpec(keyword);
        if (inArray)
        {
            throw Error(keyword, "'include' is not supported inside an object that is an array element");
        }

        var included = _context.Include(kind, name, required, _docPrefix.Concat(path).ToList(), _origin.AtLine(keyword.Line), keyword.Column);
        foreach (var (k, v) in included)
        {
            HoconMerge.Assign(target, k, v);
        }

        return name;
    }

    /// <summary>Reads <c>"name"</c>, <c>file("name")</c>, <c>required(classpath("name"))</c>, etc.</summary>
    private (HoconIncludeKind Kind, string Name, bool Required) ReadIncludeSpec(HoconToken keyword)
    {
        var kind = HoconIncludeKind.Heuristic;
        bool required = false, haveKind = false;
        string? name = null;
        var open = 0;
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var t = Peek;
            if (t.Kind == HoconTokenKind.QuotedString && name is null)
            {
                _index++;
                name = t.Text;
                if (open == 0)
                {
                    return (kind, name, required);
                }

                continue;
            }

            if (t.Kind != HoconTokenKind.Unquoted)
            {
                throw Error(t, name is null
                    ? $"'include' must be followed by a quoted file name, file(\"...\"), url(\"...\"), classpath(\"...\") or required(...) but found {t.Describe()}"
                    : $"expected ')' to close the include but found {t.Describe()}");
            }

            _index++;
            var text = t.Text;
            while (text.Length > 0)
            {
                if (text[0] == ')')
                {
                    if (name is null || open == 0)
                    {
                        throw Error(t, "unexpected ')' in include");
                    }

                    open--;
                    text = text[1..];
                    continue;
                }

                var paren = text.IndexOf('(', StringComparison.Ordinal);
                var word = paren < 0 ? text : text[..paren];
                if (paren < 0 || name is not null)
                {
                    throw Error(t, $"unexpected '{text}' in include: expected file(\"...\"), url(\"...\"), classpath(\"...\") or required(...)");
                }

                (kind, required, haveKind) = Opener(t, word, kind, required, haveKind);
                open++;
                text = text[(paren + 1)..];
            }

            if (name is not null && open == 0)
            {
                return (kind, name, required);
            }
        }
    }

    private (HoconIncludeKind, bool, bool) Opener(HoconToken at, string word, HoconIncludeKind kind, bool required, bool haveKind)
    {
        if (word == "required" && !required && !haveKind)
        {
            return (kind, true, false);
        }

        var parsed = word switch
        {
            "file" => HoconIncludeKind.File,
            "url" => HoconIncludeKind.Url,
            "classpath" => HoconIncludeKind.Classpath,
            _ => throw Error(at, $"unknown include qualifier '{word}(': expected file, url, classpath or required"),
        };
        if (haveKind)
        {
            throw Error(at, $"include qualifier '{word}(' cannot be nested inside another qualifier");
        }

        return (parsed, required, true);
    }
}
