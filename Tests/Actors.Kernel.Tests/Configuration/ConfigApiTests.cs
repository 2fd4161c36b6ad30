using Actors.Kernel.Configuration;
using static Actors.Kernel.Tests.Configuration.HoconTestSupport;

namespace Actors.Kernel.Tests.Configuration;

public sealed class ConfigApiTests
{
    private static readonly Config Sample = Parse("""
        akka {
          loglevel = INFO
          actor.ask-timeout = 5s
          port = 2552
          big = 9000000000
          ratio = 0.75
          flags { a = on, b = off, c = yes, d = no, e = true }
          list = [1, 2, 3]
          names = [a, "b c"]
          sizes = [1k, 2M]
          "quoted.key" = q
          nothing = null
          children = [{ n = 1 }, { n = 2 }]
        }
        """);

    [Fact]
    public void Getters_ConvertValues()
    {
        Assert.Equal("INFO", Sample.GetString("akka.loglevel"));
        Assert.Equal(TimeSpan.FromSeconds(5), Sample.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Equal(2552, Sample.GetInt("akka.port"));
        Assert.Equal("2552", Sample.GetString("akka.port"));
        Assert.Equal(9000000000L, Sample.GetLong("akka.big"));
        Assert.Equal(0.75, Sample.GetDouble("akka.ratio"));
        Assert.Equal(0.75m, Sample.GetDecimal("akka.ratio"));
        Assert.Equal([true, false, true, false, true], "abcde".Select(k => Sample.GetBoolean("akka.flags." + k)));
        Assert.Equal([1, 2, 3], Sample.GetIntList("akka.list"));
        Assert.Equal([1L, 2, 3], Sample.GetLongList("akka.list"));
        Assert.Equal([1.0, 2, 3], Sample.GetDoubleList("akka.list"));
        Assert.Equal(["a", "b c"], Sample.GetStringList("akka.names"));
        Assert.Equal([1024L, 2097152], Sample.GetByteSizeList("akka.sizes"));
        Assert.Equal("q", Sample.GetString("akka.\"quoted.key\""));
        Assert.Equal([1, 2], Sample.GetConfigList("akka.children").Select(c => c.GetInt("n")));
    }

    [Fact]
    public void Getters_MissingOrNull_GiveDefaults()
    {
        Assert.Equal(7, Sample.GetInt("akka.missing", 7));
        Assert.Equal("d", Sample.GetString("akka.nothing", "d"));
        Assert.Null(Sample.GetString("nope.nope"));
        Assert.True(Sample.GetBoolean("x", true));
        Assert.Equal(TimeSpan.FromSeconds(3), Sample.GetTimeSpan("x", TimeSpan.FromSeconds(3)));
        Assert.Null(Sample.GetByteSize("x"));
        Assert.Empty(Sample.GetStringList("x"));
    }

    [Theory]
    [InlineData("akka.loglevel", "GetInt", "a 32-bit integer")]
    [InlineData("akka.big", "GetInt", "a 32-bit integer")]
    [InlineData("akka.ratio", "GetLong", "a 64-bit integer")]
    [InlineData("akka.loglevel", "GetBoolean", "a boolean")]
    [InlineData("akka.flags", "GetString", "a single value")]
    [InlineData("akka.list", "GetDouble", "a single value")]
    [InlineData("akka.loglevel", "GetTimeSpan", "a duration")]
    public void Getters_WrongType_NameKeyOriginAndExpectation(string path, string getter, string expected)
    {
        var e = Assert.Throws<ConfigurationException>(() => _ = getter switch
        {
            "GetInt" => Sample.GetInt(path),
            "GetLong" => Sample.GetLong(path),
            "GetBoolean" => Sample.GetBoolean(path),
            "GetString" => Sample.GetString(path),
            "GetDouble" => Sample.GetDouble(path),
            _ => (object)Sample.GetTimeSpan(path),
        });
        Assert.Contains($"'{path}'", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("string:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HasPath_GetConfig_IsEmpty()
    {
        Assert.True(Sample.HasPath("akka.port"));
        Assert.False(Sample.HasPath("akka.nothing"));
        Assert.False(Sample.HasPath("akka.port.x"));
        var actor = Sample.GetConfig("akka.actor");
        Assert.Equal(TimeSpan.FromSeconds(5), actor.GetTimeSpan("ask-timeout"));
        Assert.True(Sample.GetConfig("akka.none").IsEmpty);
        Assert.True(ConfigurationFactory.Empty.IsEmpty);
        Assert.Throws<ConfigurationException>(() => Sample.GetConfig("akka.port"));
    }

    [Fact]
    public void WithFallback_ThisWinsObjectsMerge()
    {
        var app = Parse("a { x = 1 }, s = app");
        var reference = Parse("a { x = 0, y = 2 }, s = ref, r = only-ref");
        var merged = app.WithFallback(reference);
        Assert.Equal(1, merged.GetInt("a.x"));
        Assert.Equal(2, merged.GetInt("a.y"));
        Assert.Equal("app", merged.GetString("s"));
        Assert.Equal("only-ref", merged.GetString("r"));
        Assert.Equal(0, reference.GetInt("a.x"));
    }

    [Fact]
    public void WithFallback_ScalarHidesObjectBelow()
    {
        var merged = Parse("a = 42").WithFallback(Parse("a { x = 1 }"));
        Assert.Equal(42, merged.GetInt("a"));
        var other = Parse("a { y = 2 }").WithFallback(Parse("a = 42"));
        Assert.False(other.HasPath("a.x"));
        Assert.Equal(2, other.GetInt("a.y"));
    }

    [Fact]
    public void HoconDocument_LayersResolveTogether()
    {
        var reference = HoconDocument.Parse("greeting = \"hello \"${name}\nname = ref", "reference.conf");
        var app = HoconDocument.Parse("name = app", "app.conf");
        var config = app.WithFallback(reference).Resolve();
        Assert.Equal("hello app", config.GetString("greeting"));
        Assert.Equal("app.conf:1", config.GetValue("name")!.Origin.ToString());
        Assert.Equal("reference.conf:1", config.GetValue("greeting")!.Origin.ToString());
    }

    [Fact]
    public void AsEnumerable_ListsLeafPathsInOrder()
    {
        var keys = Parse("a { b = 1, \"c.d\" = 2 }, e = [1], f {}").AsEnumerable().Select(p => p.Key);
        Assert.Equal(["a.b", "a.\"c.d\"", "e", "f"], keys);
    }

    [Fact]
    public void GetValue_RepeatedAccess_ReturnsCachedInstance()
    {
        var first = Sample.GetValue("akka.actor.ask-timeout");
        Assert.Same(first, Sample.GetValue("akka.actor.ask-timeout"));
    }

    [Fact]
    public void Origins_RecordLineOfEachValue()
    {
        var c = Parse("a = 1\n\nb {\n  c = 2\n}");
        Assert.Equal("string:1", c.GetValue("a")!.Origin.ToString());
        Assert.Equal("string:4", c.GetValue("b.c")!.Origin.ToString());
    }

    [Fact]
    public void FromResource_MissingResource_Throws()
    {
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.FromResource(typeof(Config).Assembly, "nope.conf"));
        Assert.Contains("nope.conf", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromResource_EmbeddedReferenceConf_ParsesWithClasspathIncludes()
    {
        var config = ConfigurationFactory.FromResource(typeof(ConfigApiTests).Assembly, "reference.conf", n => n == "SAMPLE_NAME" ? "env-name" : null);
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("sample.interval"));
        Assert.Equal("env-name", config.GetString("sample.name"));
        Assert.Equal("from-embedded-include", config.GetString("sample.extra"));
        Assert.Equal("Actors.Kernel.Tests/reference.conf:4", config.GetValue("sample.interval")!.Origin.ToString());
    }
}
