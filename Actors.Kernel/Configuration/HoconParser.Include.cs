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
        var spec = new IncludeSpec();
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var t = Peek;
            if (t.Kind == HoconTokenKind.QuotedString && spec.Name is null)
            {
                _index++;
                spec.Name = t.Text;
            }
            else if (t.Kind == HoconTokenKind.Unquoted)
            {
                _index++;
                ReadQualifiers(t, spec);
            }
            else
            {
                throw Error(t, spec.Name is null
                    ? $"'include' must be followed by a quoted file name, file(\"...\"), url(\"...\"), classpath(\"...\") or required(...) but found {t.Describe()}"
                    : $"expected ')' to close the include but found {t.Describe()}");
            }

            if (spec.Name is not null && spec.Open == 0)
            {
                return (spec.Kind, spec.Name, spec.Required);
            }
        }
    }

    /// <summary>Consumes unquoted include syntax such as <c>required(file(</c> or <c>))</c>.</summary>
    private void ReadQualifiers(HoconToken t, IncludeSpec spec)
    {
        var text = t.Text;
        while (text.Length > 0)
        {
            if (text[0] == ')')
            {
                if (spec.Name is null || spec.Open == 0)
                {
                    throw Error(t, "unexpected ')' in include");
                }

                spec.Open--;
                text = text[1..];
                continue;
            }

            var paren = text.IndexOf('(', StringComparison.Ordinal);
            if (paren < 0 || spec.Name is not null)
            {
                throw Error(t, $"unexpected '{text}' in include: expected file(\"...\"), url(\"...\"), classpath(\"...\") or required(...)");
            }

            (spec.Kind, spec.Required, spec.HaveKind) = Opener(t, text[..paren], spec.Kind, spec.Required, spec.HaveKind);
            spec.Open++;
            text = text[(paren + 1)..];
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

    private sealed class IncludeSpec
    {
        public HoconIncludeKind Kind { get; set; } = HoconIncludeKind.Heuristic;

        public bool Required { get; set; }

        public bool HaveKind { get; set; }

        public string? Name { get; set; }

        public int Open { get; set; }
    }
}
