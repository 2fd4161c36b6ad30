namespace Actors.Messages.Kubernetes;

/// <summary>
/// A parsed Kubernetes label selector: <c>a=b, a==b, a!=b, a in (x,y), a notin (x), a, !a</c>, comma-separated (AND).
/// Shared by the embedded API server (cloud) and the MetaServer (edge).
/// </summary>
public sealed record LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> _terms;

    private LabelSelector(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> terms) => _terms = terms;

    public static LabelSelector Everything { get; } = new([]);

    public bool IsEverything => _terms.Count == 0;

    public bool Matches(IReadOnlyDictionary<string, string> labels) => _terms.All(t => t(labels));

    /// <exception cref="FormatException">The selector is malformed.</exception>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        return new LabelSelector(SplitTerms(text).Select(ParseTerm).ToList());
    }

    private static IEnumerable<string> SplitTerms(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] == '(' ? 1 : text[i] == ')' ? -1 : 0;
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }

        yield return text[start..].Trim();
    }

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseTerm(string term)
    {
        if (term.Length == 0)
        {
            throw Bad(term);
        }

        if (term.StartsWith('!'))
        {
            var key = Key(term[1..], term);
            return l => !l.ContainsKey(key);
        }

        foreach (var (op, negate) in new[] { (" notin ", true), (" in ", false) })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = Key(term[..at], term);
                var set = term[(at + op.Length)..].Trim();
                if (!set.StartsWith('(') || !set.EndsWith(')'))
                {
                    throw Bad(term);
                }

                var values = set[1..^1].Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
                return negate
                    ? l => !l.TryGetValue(key, out var v) || !values.Contains(v)
                    : l => l.TryGetValue(key, out var v) && values.Contains(v);
            }
        }

        foreach (var (op, negate) in new[] { ("!=", true), ("==", false), ("=", false) })
        {
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                var key = Key(term[..at], term);
                var value = term[(at + op.Length)..].Trim();
                return negate
                    ? l => !l.TryGetValue(key, out var v) || v != value
                    : l => l.TryGetValue(key, out var v) && v == value;
            }
        }

        var exists = Key(term, term);
        return l => l.ContainsKey(exists);
    }

    private static string Key(string raw, string term)
    {
        var key = raw.Trim();
        if (key.Length == 0 || key.Any(c => char.IsWhiteSpace(c) || c is '(' or ')' or '!' or '='))
        {
            throw Bad(term);
        }

        return key;
    }

    private static FormatException Bad(string term) =>
        new($"unable to parse requirement: invalid label selector term \"{term}\"");
}
