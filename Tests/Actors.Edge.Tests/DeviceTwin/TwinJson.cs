using System.Text;
using System.Text.Json.Nodes;

namespace Actors.Edge.Tests.DeviceTwin;

/// <summary>JSON helpers for twin tests: structural comparison and example-file access.</summary>
internal static class TwinJson
{
    public static byte[] Bytes(string json) => Encoding.UTF8.GetBytes(json);

    public static void Equal(string expected, string? actual)
    {
        Assert.NotNull(actual);
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(e, a), $"expected {e?.ToJsonString()}\n  actual {a?.ToJsonString()}");
    }

    /// <summary>The single line of 10-mqtt-twin.md containing <paramref name="marker"/>.</summary>
    public static string Line(string marker) =>
        File.ReadAllLines(Path.Combine(TwinExamplesFactAttribute.ExamplesDirectory!, "10-mqtt-twin.md"))
            .Single(l => l.Contains(marker, StringComparison.Ordinal));

    /// <summary>The JSON body that follows the heading line containing <paramref name="heading"/> in 10-mqtt-twin.md.</summary>
    public static string Example(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(TwinExamplesFactAttribute.ExamplesDirectory!, "10-mqtt-twin.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("## ", StringComparison.Ordinal) && l.Contains(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"heading '{heading}' not in the example file");
        var body = lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal));
        return string.Join("\n", body).Trim();
    }
}
