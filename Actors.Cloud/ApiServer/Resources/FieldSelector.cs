using System.Text.Json.Nodes;
using Actors.Cloud.ApiServer.Http;
using Actors.Cloud.ApiServer.Storage;

namespace Actors.Cloud.ApiServer.Resources;

/// <summary>
/// A parsed field selector (<c>path=v, path==v, path!=v</c>, AND-ed). Any dotted path into the object is accepted
/// (a superset of the per-type fields Kubernetes allows, e.g. metadata.name, spec.nodeName, status.phase,
/// involvedObject.uid); an absent field compares as the empty string.
/// </summary>
public sealed class FieldSelector
{
    private readonly IReadOnlyList<(string Path, string Value, bool Negate)> _terms;

    private FieldSelector(IReadOnlyList<(string Path, string Value, bool Negate)> terms) => _terms = terms;

    public static FieldSelector Everything { get; } = new([]);

    public bool IsEverything => _terms.Count == 0;

    public bool Matches(JsonObject obj) => _terms.All(t =>
        (Meta.ScalarText(Meta.Path(obj, t.Path)) ?? string.Empty) == t.Value != t.Negate);

    /// <summary>The value required for <paramref name="path"/> by an equality term, if any (used to narrow by namespace).</summary>
    public string? Required(string path) => _terms.FirstOrDefault(t => t.Path == path && !t.Negate).Value;

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
                throw ApiException.BadRequest($"invalid field selector: '{term}'");
            }

            terms.Add((term[..at].Trim(), term[(at + op.Length)..].Trim(), negate));
        }

        return new FieldSelector(terms);
    }
}
