using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Actors.Cloud.ApiServer.Patch;

/// <summary>Converts a YAML document to JSON nodes (plain scalars typed as YAML 1.2 core: null, bool, int, float, else string).</summary>
public static class YamlJson
{
    /// <summary>Nesting beyond this is refused before parsing (the YAML parser recurses per level).</summary>
    public const int MaxDepth = 256;

    public static JsonNode? Parse(string text)
    {
        if (EstimateDepth(text) > MaxDepth)
        {
            throw Http.ApiException.BadRequest($"the YAML document nests deeper than {MaxDepth} levels");
        }

        var stream = new YamlStream();
        using (var reader = new StringReader(text))
        {
            stream.Load(reader);
        }

        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    /// <summary>An upper bound of the nesting: flow brackets open at once, plus block indentation and "- " markers on a line.</summary>
    private static int EstimateDepth(string text)
    {
        var max = 0;
        var flow = 0;
        var lineDepth = 0;
        var atLineStart = true;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n': atLineStart = true; lineDepth = 0; continue;
                case '[' or '{': flow++; break;
                case ']' or '}': flow = Math.Max(0, flow - 1); break;
                case ' ' or '-' when atLineStart: lineDepth++; break;
                default: atLineStart = false; break;
            }

            max = Math.Max(max, flow + (lineDepth / 2));
        }

        return max;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? string.Empty, Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted
            or YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded)
        {
            return JsonValue.Create(value);
        }

        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && value.Any(char.IsDigit) => JsonValue.Create(d),
            _ => JsonValue.Create(value),
        };
    }
}
