using Actors.Kernel.Configuration;

namespace Actors.Kernel.Tests.Configuration;

public sealed class IncludeTests
{
    private static Config Parse(string text, Dictionary<string, string> files, string location = "main.conf")
    {
        var loader = new MemoryIncludeLoader(files);
        return HoconDocument.Parse(text, location, loader, location).Resolve();
    }

    [Fact]
    public void Include_SplicesFields_EarlierOverriddenLaterOverride()
    {
        var files = new Dictionary<string, string> { ["inc.conf"] = "a = included\nb = included\no { x = 1 }" };
        var c = Parse("a = before\no { y = 2 }\ninclude \"inc.conf\"\nb = after", files);
        Assert.Equal("included", c.GetString("a"));
        Assert.Equal("after", c.GetString("b"));
        Assert.Equal(1, c.GetInt("o.x"));
        Assert.Equal(2, c.GetInt("o.y"));
    }

    [Fact]
    public void Include_AllForms_AreAccepted()
    {
        var files = new Dictionary<string, string> { ["x.conf"] = "v = 1", ["dir/y.conf"] = "w = 2" };
        var c = Parse("include file(\"x.conf\")\ninclude required( file( \"dir/y.conf\" ) )\ninclude\n  \"missing.conf\"", files);
        Assert.Equal(1, c.GetInt("v"));
        Assert.Equal(2, c.GetInt("w"));
    }

    [Fact]
    public void Include_ExtensionLess_MergesPropertiesJsonConfInOrder()
    {
        var files = new Dictionary<string, string>
        {
            ["app.properties"] = "a=props\nb=props\nc=props\np.q=1",
            ["app.json"] = "{ \"b\": \"json\", \"c\": \"json\" }",
            ["app.conf"] = "c = conf",
        };
        var loader = new MemoryIncludeLoader(files);
        var c = HoconDocument.Parse("include \"app\"", "main.conf", loader, "main.conf").Resolve();
        Assert.Equal("props", c.GetString("a"));
        Assert.Equal("json", c.GetString("b"));
        Assert.Equal("conf", c.GetString("c"));
        Assert.Equal("1", c.GetString("p.q"));
        Assert.Equal(["app.properties", "app.json", "app.conf"], loader.Requests.Select(r => r.Name));
    }

    [Fact]
    public void Include_NestedRelativeToIncludingFile()
    {
        var files = new Dictionary<string, string> { ["sub/a.conf"] = "include \"b.conf\"", ["sub/b.conf"] = "deep = yes" };
        Assert.True(Parse("include \"sub/a.conf\"", files).GetBoolean("deep"));
    }

    [Fact]
    public void Include_InsideObject_ReRootsSubstitutionsWithFallbackToRoot()
    {
        var files = new Dictionary<string, string> { ["inc.conf"] = "x = 1\nlocal = ${x}\nglobal = ${top}" };
        var c = Parse("top = T\nx = 99\nsection { include \"inc.conf\" }", files);
        Assert.Equal(1, c.GetInt("section.local"));
        Assert.Equal("T", c.GetString("section.global"));
    }

    [Fact]
    public void Include_Cycle_IsDetected()
    {
        var files = new Dictionary<string, string> { ["a.conf"] = "include \"b.conf\"", ["b.conf"] = "include \"a.conf\"" };
        var e = Assert.Throws<ConfigurationException>(() => Parse("include \"a.conf\"", files));
        Assert.Contains("include cycle", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("b.conf:1:1:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_ArrayRoot_IsRejected()
    {
        var files = new Dictionary<string, string> { ["arr.conf"] = "[1, 2]" };
        var e = Assert.Throws<ConfigurationException>(() => Parse("include \"arr.conf\"", files));
        Assert.StartsWith("arr.conf:1:1:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_Classpath_UsesResourceLookupOrRefuses()
    {
        var withLookup = new FileIncludeLoader(resourceLookup: n => n == "lib.conf" ? "lib = 1" : null);
        Assert.Equal(1, ConfigurationFactory.ParseString("include classpath(\"lib.conf\")", withLookup).GetInt("lib"));
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseString("include classpath(\"lib.conf\")", new FileIncludeLoader()));
        Assert.Contains("classpath(\"lib.conf\") is not supported", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("string:1:1:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileIncludeLoader_ReadsRelativeToIncludingFile()
    {
        var dir = Directory.CreateTempSubdirectory("hocon-inc");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "conf.d"));
            File.WriteAllText(Path.Combine(dir.FullName, "main.conf"), "include \"conf.d/part\"\ninclude required(file(\"conf.d/other.conf\"))");
            File.WriteAllText(Path.Combine(dir.FullName, "conf.d", "part.conf"), "p = 1");
            File.WriteAllText(Path.Combine(dir.FullName, "conf.d", "other.conf"), "o = 2\ninclude \"part.conf\"");
            var c = ConfigurationFactory.FromFile(Path.Combine(dir.FullName, "main.conf"));
            Assert.Equal(1, c.GetInt("p"));
            Assert.Equal(2, c.GetInt("o"));
            Assert.Equal(Path.Combine(dir.FullName, "conf.d", "part.conf") + ":1", c.GetValue("p")!.Origin.ToString());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Properties_ObjectWinsOverValueAndEscapesWork()
    {
        var files = new Dictionary<string, string> { ["p.properties"] = "# c\n! c\na=1\na.b=2\nkey\\ with\\ space = v\\u0041\nlong = x\\\n    y\nempty=" };
        var c = Parse("include \"p.properties\"", files);
        Assert.Equal("2", c.GetString("a.b"));
        Assert.Equal("vA", c.GetString("\"key with space\""));
        Assert.Equal("xy", c.GetString("long"));
        Assert.Equal(string.Empty, c.GetString("empty"));
    }

    [Fact]
    public void FileIncludeLoader_InvalidName_FailsClearly()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseString("include \"bad\\u0000name.conf\"", new FileIncludeLoader()));
        Assert.StartsWith("string:1:1: include \"bad", e.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.FromFile("/nonexistent/dir/x.conf"));
        Assert.StartsWith("/nonexistent/dir/x.conf: cannot read configuration file", missing.Message, StringComparison.Ordinal);
    }
}
