using System.Text.Json.Nodes;

namespace Actors.Messages.Kubernetes;

/// <summary>
/// A parsed field selector (<c>path=v, path==v, path!=v</c>, AND-ed). Any dotted path into the object is accepted
/// (a superset of the per-type fields Kubernetes allows, e.g. metadata.name, spec.nodeName, status.phase,
/// involvedObject.uid); an absent field compares as the empty string.
/// </summary>
public sealed record FieldSelector
{
    private readonly IReadOnlyList<(string Path, string Value, bool Negate)> _terms;

    private FieldSelector(IReadOnlyList<(string Path, string Value, bool Negate)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEverything => _terms.Count == 0;

    public bool Matches(JsonObject obj) => _terms.All(t => (ScalarAt(obj, t.Path) ?? string.Empty) == t.Value != t.Negate);

    /// <summary>The value required for <paramref name="path"/> by an equality term, if any (used to narrow by namespace).</summary>
    public string? Required(string path) => _terms.FirstOrDefault(t => t.Path == path && !t.Negate).Value;

    /// <exception cref="FormatException">The selector is malformed.</exception>
    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }

        var terms = new List<(string, string, bool)>();
        foreach (var raw in text.Split(','))
        {
            var term = raw.Trim();
            var (op, negate) = term.Contains("!=", StringComparison.Ordinal) ? ("!=", true)
                : term.Contains("==", StringComparison.Ordinal) ? ("==", false) : ("=", false);
            var at = term.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new FormatException($"invalid field selector: '{term}'");
            }

            terms.Add((term[..at].Trim(), term[(at + op.Length)..].Trim(), negate));
        }

        return new FieldSelector(terms);
    }

    /// <summary>The scalar at a dotted path as text (a string as it is, a number or boolean as JSON), or null.</summary>
    private static string? ScalarAt(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(part, out node))
            {
                return null;
            }
        }

        return node switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v => v.ToJsonString(),
            _ => null,
        };
    }
}
