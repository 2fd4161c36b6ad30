using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Actors.Cloud.ApiServer.Tables;

/// <summary>The JSONPath subset used by printer columns: <c>.a.b</c>, <c>[n]</c> and <c>[?(@.k=="v")]</c>.</summary>
public static partial class SimpleJsonPath
{
    [GeneratedRegex("""\.([^.\[]+)|\[(\d+)\]|\[\?\(@\.([^=!]+)==['"]([^'"]*)['"]\)\]""")]
    private static partial Regex Step();

    public static JsonNode? Evaluate(JsonNode? root, string path)
    {
        var node = root;
        var text = path.Trim().TrimStart('{').TrimEnd('}');
        foreach (Match m in Step().Matches(text))
        {
            node = m switch
            {
                _ when m.Groups[1].Success => (node as JsonObject)?[m.Groups[1].Value],
                _ when m.Groups[2].Success => node is JsonArray a && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) is var i && i < a.Count ? a[i] : null,
                _ => (node as JsonArray)?.OfType<JsonObject>().FirstOrDefault(o =>
                    Storage.Meta.ScalarText(Storage.Meta.Path(o, m.Groups[3].Value)) == m.Groups[4].Value),
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }
}
