using System.Text;
using System.Text.Json;

namespace Actors.Kernel.Configuration;

/// <summary>
/// JSON syntax for <c>.json</c> sources: the text must be strict JSON with an object root (no
/// comments, unquoted strings, trailing commas, substitutions or includes). Valid JSON is then
/// parsed by the HOCON parser, which gives the same tree and keeps line origins.
/// </summary>
internal static class StrictJson
{
    public static void Validate(string text, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF'));
        if (string.IsNullOrWhiteSpace(text.TrimStart('\uFEFF')))
        {
            throw new ConfigurationException(source, 1, 1, "a JSON document cannot be empty: expected '{'");
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false });
        try
        {
            if (!reader.Read())
            {
                throw new ConfigurationException(source, 1, 1, "a JSON document cannot be empty: expected '{'");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new ConfigurationException(source, 1, 1, "the root of a JSON configuration must be an object: expected '{'");
            }

            reader.Skip();
            if (reader.Read())
            {
                throw new JsonException("unexpected data after the root object");
            }
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            var problem = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
            throw new ConfigurationException(source, line, column, "invalid JSON: " + problem);
        }
    }
}
