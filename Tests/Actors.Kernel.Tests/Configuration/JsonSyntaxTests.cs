using Actors.Kernel.Configuration;

namespace Actors.Kernel.Tests.Configuration;

public sealed class JsonSyntaxTests
{
    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("[1]", 1, "must be an object")]
    [InlineData("{ \"a\": 1, }", 1, "invalid JSON")]
    [InlineData("{ a: 1 }", 1, "invalid JSON")]
    [InlineData("{ \"a\": 1 } // c", 1, "invalid JSON")]
    [InlineData("{\n  \"a\": ${b}\n}", 2, "invalid JSON")]
    [InlineData("{ \"a\": 1 } {", 1, "invalid JSON")]
    public void JsonFile_NotStrictJson_IsRejected(string text, int line, string fragment)
    {
        using var dir = new TempConfigDirectory();
        var path = dir.Write("x.json", text);
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.FromFile(path));
        Assert.StartsWith($"{path}:{line}:", e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonFile_SameTextAsHocon_IsAccepted()
    {
        using var dir = new TempConfigDirectory();
        var path = dir.Write("x.json", "{ \"a\": { \"b\": [1, 2.5e3, \"s\", true, null] } }");
        var c = ConfigurationFactory.FromFile(path);
        Assert.Equal("2.5e3", ((HoconScalar)((HoconArray)c.GetValue("a.b")!)[1]).Text);
        Assert.Equal(path + ":1", c.GetValue("a.b")!.Origin.ToString());
    }

    [Fact]
    public void SubstitutionError_NamesColumnOfTheReference()
    {
        var e = HoconTestSupport.Fails("a = 1\nb = x ${nope}");
        Assert.Equal("string:2:7: could not resolve substitution ${nope}: 'nope' is not defined", e.Message);
    }
}
