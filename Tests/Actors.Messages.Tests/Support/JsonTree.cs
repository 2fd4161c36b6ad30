using System.Globalization;
using System.Text.Json;

namespace Actors.Messages.Tests.Support;

/// <summary>Compares JSON trees: objects as unordered maps, arrays in order, numbers by value.</summary>
internal static class JsonTree
{
    public static string? FirstDifference(JsonElement a, JsonElement b, string path = "$")
    {
        if (a.ValueKind != b.ValueKind)
        {
            return $"{path}: kind {a.ValueKind} vs {b.ValueKind}";
        }

        return a.ValueKind switch
        {
            JsonValueKind.Object => CompareObjects(a, b, path),
            JsonValueKind.Array => CompareArrays(a, b, path),
            JsonValueKind.Number => decimal.Parse(a.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture)
                == decimal.Parse(b.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture)
                ? null : $"{path}: {a.GetRawText()} vs {b.GetRawText()}",
            JsonValueKind.String => a.GetString() == b.GetString() ? null : $"{path}: '{a.GetString()}' vs '{b.GetString()}'",
            _ => null,
        };
    }

    private static string? CompareObjects(JsonElement a, JsonElement b, string path)
    {
        var left = a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var right = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        foreach (var key in left.Keys.Union(right.Keys))
        {
            if (!left.TryGetValue(key, out var l) || !right.TryGetValue(key, out var r))
            {
                return $"{path}.{key}: present on one side only";
            }

            if (FirstDifference(l, r, $"{path}.{key}") is { } diff)
            {
                return diff;
            }
        }

        return null;
    }

    private static string? CompareArrays(JsonElement a, JsonElement b, string path)
    {
        if (a.GetArrayLength() != b.GetArrayLength())
        {
            return $"{path}: length {a.GetArrayLength()} vs {b.GetArrayLength()}";
        }

        var i = 0;
        foreach (var (l, r) in a.EnumerateArray().Zip(b.EnumerateArray()))
        {
            if (FirstDifference(l, r, $"{path}[{i++}]") is { } diff)
            {
                return diff;
            }
        }

        return null;
    }
}
