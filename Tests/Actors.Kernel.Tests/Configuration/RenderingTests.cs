using static Actors.Kernel.Tests.Configuration.HoconTestSupport;

namespace Actors.Kernel.Tests.Configuration;

public sealed class RenderingTests
{
    private const string Sample = """
        a { b = 1, c = [1, 2.5, "x", true, null, { d = "e" }], "dotted.key" = "v" }
        "" = empty-key
        include-ish { "include" = 1 }
        s = "line\nbreak \"quoted\" \\ tab\t unicode \u00e9 nbsp\u00a0"
        num = 1e5
        neg = -3
        empty-obj {}
        empty-arr = []
        "key with space" = 1
        "10" = ten
        """;

    [Fact]
    public void ToHocon_RoundTrip_GivesSameTree()
    {
        var config = Parse(Sample);
        var text = config.ToHocon();
        AssertTreeEqual(config.Root, Parse(text).Root, "HOCON round trip\n" + text);
        var withOrigins = config.ToHocon(withOrigins: true);
        Assert.Contains("# string:1", withOrigins, StringComparison.Ordinal);
        AssertTreeEqual(config.Root, Parse(withOrigins).Root, "HOCON round trip with origins");
    }

    [Fact]
    public void ToJson_IsValidJsonAndRoundTrips()
    {
        var config = Parse(Sample);
        foreach (var indented in new[] { true, false })
        {
            var json = config.ToJson(indented);
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            Assert.Equal(config.Root.Count, doc.RootElement.EnumerateObject().Count());
            AssertTreeEqual(config.Root, Parse(json).Root, "JSON round trip\n" + json);
        }
    }

    [Fact]
    public void ToJson_NumbersKeepSpelling()
    {
        Assert.Equal("{\"n\":1e5,\"m\":[1,2]}", Parse("n = 1e5, m = [1, 2]").ToJson(indented: false));
    }
}
