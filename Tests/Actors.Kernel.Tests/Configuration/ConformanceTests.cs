using System.Numerics;
using Actors.Kernel.Configuration;

namespace Actors.Kernel.Tests.Configuration;

/// <summary>The external lightbend/config data in ../shared/conformance/hocon (see its README).</summary>
public sealed class ConformanceTests
{
    public static TheoryData<string, string> EquivalenceFiles() => new()
    {
        { "equiv01", "comments.conf" }, { "equiv01", "equals.conf" }, { "equiv01", "no-commas.conf" },
        { "equiv01", "no-root-braces.conf" }, { "equiv01", "no-whitespace.json" }, { "equiv01", "omit-colons.conf" },
        { "equiv01", "path-keys.conf" }, { "equiv01", "properties-style.conf" }, { "equiv01", "substitutions.conf" },
        { "equiv01", "unquoted.conf" }, { "equiv02", "path-keys.conf" }, { "equiv02", "path-keys-weird-whitespace.conf" },
        { "equiv03", "includes.conf" },
    };

    [ConformanceTheory]
    [MemberData(nameof(EquivalenceFiles))]
    public void EquivalenceFile_ParsedAndResolved_EqualsOriginalJson(string folder, string file)
    {
        var dir = Require();
        var original = ConfigurationFactory.FromFile(Path.Combine(dir, folder, "original.json"));
        var actual = ConfigurationFactory.FromFile(Path.Combine(dir, folder, file));
        HoconTestSupport.AssertTreeEqual(original.Root, actual.Root, $"{folder}/{file} differs from original.json");
    }

    [ConformanceTheory]
    [InlineData("equiv01")]
    [InlineData("equiv02")]
    [InlineData("equiv03")]
    public void EquivalenceFolder_EveryFileListed_IsCoveredByTheTheory(string folder)
    {
        var dir = Require();
        var onDisk = Directory.GetFiles(Path.Combine(dir, folder)).Select(f => Path.GetFileName(f))
            .Where(f => f is not null && (f.EndsWith(".conf", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)) && f != "original.json")
            .Order().ToList();
        var listed = EquivalenceFiles().Select(r => ((string)r[0], (string)r[1])).Where(r => r.Item1 == folder).Select(r => r.Item2).Order().ToList();
        Assert.Equal(onDisk, listed);
    }

    [ConformanceTheory]
    [InlineData("equiv01/original.json")]
    [InlineData("equiv01/no-whitespace.json")]
    [InlineData("equiv02/original.json")]
    [InlineData("equiv03/original.json")]
    [InlineData("test01.json")]
    public void JsonFile_ParsedAsHocon_GivesSameTreeAsJsonSyntax(string file)
    {
        var path = Path.Combine(Require(), file);
        var asJson = ConfigurationFactory.FromFile(path);
        var asHocon = ConfigurationFactory.ParseString(File.ReadAllText(path), new FileIncludeLoader(Path.GetDirectoryName(path)));
        HoconTestSupport.AssertTreeEqual(asJson.Root, asHocon.Root, file);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(json.RootElement.EnumerateObject().Select(p => p.Name).Distinct().Count(), asHocon.Root.Count);
    }

    [ConformanceFact]
    public void Bom_LeadingByteOrderMark_IsWhitespace()
    {
        var config = ConfigurationFactory.FromFile(Path.Combine(Require(), "bom.conf"));
        Assert.Equal("bar", config.GetString("foo"));
    }

    [ConformanceFact]
    public void IncludeFromList_IncludeInsideArrayElement_IsRejectedClearly()
    {
        var path = Path.Combine(Require(), "include-from-list.conf");
        var e = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.FromFile(path));
        Assert.Contains("array element", e.Message, StringComparison.Ordinal);
        Assert.Contains("include-from-list.conf:", e.Message, StringComparison.Ordinal);
    }

    [ConformanceFact]
    public void FileInclude_RelativeToIncludingFile_ForPlainAndFileIncludes()
    {
        var config = ConfigurationFactory.FromFile(Path.Combine(Require(), "file-include.conf"));
        Assert.Equal(41, config.GetInt("base"));
        Assert.Equal(42, config.GetInt("foo"));
        Assert.Equal(43, config.GetInt("bar"));

        // Our documented choice: file("...") is relative to the including file too (upstream differs).
        Assert.True(config.HasPath("baz"));
        Assert.True(config.HasPath("bar-file"));
    }

    [ConformanceFact]
    public void Test01_ScalarsAndConversions_MatchUpstreamExpectations()
    {
        var c = ConfigurationFactory.FromFile(Path.Combine(Require(), "test01.conf"));
        Assert.Equal(42, c.GetInt("ints.fortyTwoAgain"));
        Assert.Equal(HoconValueType.String, c.GetValue("floats.pointThirtyThree")!.Type);
        Assert.Equal(0.33, c.GetDouble("floats.pointThirtyThree"));
        Assert.Equal(57, c.GetInt("strings.number"));
        Assert.True(c.GetBoolean("strings.true"));
        Assert.True(c.GetBoolean("strings.yes"));
        Assert.False(c.GetBoolean("strings.false"));
        Assert.False(c.GetBoolean("strings.no"));
        Assert.Equal("abcd", c.GetString("strings.abcdAgain"));
        Assert.Equal("null bar 42 baz true 3.14 hi", c.GetString("strings.concatenated"));
    }

    [ConformanceFact]
    public void Test01_DurationsPeriodsAndSizes_ConvertExactly()
    {
        var c = ConfigurationFactory.FromFile(Path.Combine(Require(), "test01.conf"));
        Assert.Equal(TimeSpan.FromSeconds(1), c.GetTimeSpan("durations.second"));
        Assert.Equal([1000.0, 2000, 3000, 4000], c.GetTimeSpanList("durations.secondsList").Select(t => t.TotalMilliseconds));
        Assert.Equal(TimeSpan.FromSeconds(1), c.GetTimeSpan("durations.secondAsNumber"));
        Assert.Equal(TimeSpan.FromMilliseconds(500), c.GetTimeSpan("durations.halfSecond"));
        Assert.Equal(TimeSpan.FromMilliseconds(1), c.GetTimeSpan("durations.millis"));
        Assert.Equal(TimeSpan.FromMilliseconds(2), c.GetTimeSpan("durations.micros"));
        Assert.Equal(BigInteger.Parse("4878955355435272204"), c.GetDurationNanos("durations.largeNanos"));
        Assert.Equal(BigInteger.Parse("4878955355435272204"), c.GetDurationNanos("durations.plusLargeNanos"));
        Assert.Equal(BigInteger.Parse("-4878955355435272204"), c.GetDurationNanos("durations.minusLargeNanos"));
        Assert.Equal(new ConfigPeriod(0, 0, 1), c.GetPeriod("periods.day"));
        Assert.Equal(new ConfigPeriod(0, 0, 2), c.GetPeriod("periods.dayAsNumber"));
        Assert.Equal(new ConfigPeriod(0, 0, 21), c.GetPeriod("periods.week"));
        Assert.Equal(new ConfigPeriod(0, 5, 0), c.GetPeriod("periods.month"));
        Assert.Equal(new ConfigPeriod(8, 0, 0), c.GetPeriod("periods.year"));
        Assert.Equal(1048576L, c.GetByteSize("memsizes.meg"));
        Assert.Equal([1048576L, 1048576, 1048576], c.GetByteSizeList("memsizes.megsList"));
        Assert.Equal(1048576L, c.GetByteSize("memsizes.megAsNumber"));
        Assert.Equal(524288L, c.GetByteSize("memsizes.halfMeg"));
        Assert.Equal(BigInteger.Pow(10, 24), c.GetBigByteSize("memsizes.yottabyte"));
        Assert.Throws<ConfigurationException>(() => c.GetByteSize("memsizes.yottabyte"));
    }

    [ConformanceFact]
    public void Test01_OptionalSystemSubstitutions_VanishOrBecomeEmptyInConcatenation()
    {
        var dir = Require();
        var c = ConfigurationFactory.FromFile(Path.Combine(dir, "test01.conf"), environment: name => name == "HOME" ? "/home/x" : null);
        Assert.Equal("/home/x", c.GetString("system.home"));
        Assert.False(c.HasPath("system.not_here"));
        Assert.False(c.HasPath("system.javaversion"));
        Assert.Equal("Your Java version is  and your user.home is ", c.GetString("system.concatenated"));
        var noEnv = ConfigurationFactory.FromFile(Path.Combine(dir, "test01.conf"));
        Assert.False(noEnv.HasPath("system.home"));
    }

    [ConformanceFact]
    public void Test02_QuotedAndEmptyPathElements_Resolve()
    {
        var c = ConfigurationFactory.FromFile(Path.Combine(Require(), "test02.conf"));
        Assert.Equal(42, c.GetInt("42_a"));
        Assert.Equal(42, c.GetInt("42_b"));
        Assert.Equal(57, c.GetInt("57_a"));
        Assert.Equal(57, c.GetInt("57_b"));
        Assert.Equal(103, c.GetInt("\"a.b.c\""));
        Assert.Equal(57, c.GetInt("a.b.c"));
        Assert.Equal(103, c.GetInt("103_a"));
    }

    [ConformanceFact]
    public void Test03_Includes_MergeOverrideAndRerootSubstitutions()
    {
        var c = ConfigurationFactory.FromFile(Path.Combine(Require(), "test03.conf"));
        Assert.Equal(42, c.GetInt("test01.ints.fortyTwo"));
        Assert.Equal(42, c.GetInt("test01.booleans"));
        Assert.Equal("abc", c.GetString("test01.fromProps.abc"));
        Assert.Equal("A", c.GetString("test01.fromJsonA"));
        Assert.Equal(57, c.GetInt("test02.a.b.c"));
        Assert.Equal("a", c.GetString("equiv01.strings.a"));
        Assert.Equal(42, c.GetInt("test01.ints.fortyTwoAgain"));
        Assert.Equal(103, c.GetInt("test02.103_a"));
        Assert.Equal("This is in the included file", c.GetString("a"));
        Assert.Equal("This is in the including file", c.GetString("b"));
        Assert.Equal("This is in the included file", c.GetString("subtree.a"));
        Assert.Equal("This is in the including file", c.GetString("subtree.b"));
    }

    [ConformanceFact]
    public void Test04_OldAkkaConfig_SmokeTest()
    {
        var c = ConfigurationFactory.FromFile(Path.Combine(Require(), "test04.conf"));
        Assert.Equal("2.0-SNAPSHOT", c.GetString("akka.version"));
        Assert.Equal(8, c.GetInt("akka.event-handler-dispatcher.max-pool-size"));
        Assert.Equal("round-robin", c.GetString("akka.actor.deployment.\"/app/service-ping\".router"));
        Assert.True(c.GetBoolean("akka.stm.quick-release"));
    }

    [ConformanceFact]
    public void Test05_PercentInUnquotedKey_Parses()
    {
        var c = ConfigurationFactory.FromFile(Path.Combine(Require(), "test05.conf"));
        Assert.Equal("prod", c.GetString("%prod.application.mode"));
        Assert.Equal("Yet another blog", c.GetString("blog.title"));
    }

    [ConformanceFact]
    public void Test11_NumericAndDashKeys_ParseAndQuotedNumbersStayStrings()
    {
        var c = ConfigurationFactory.FromFile(Path.Combine(Require(), "test11.conf"));
        foreach (var key in new[] { "\"10\"", "\"-10\"", "foo-bar", "\"---\"", "a-" })
        {
            Assert.True(c.HasPath(key), key);
        }

        var strings = c.AsEnumerable().Where(p => p.Value is HoconScalar { Type: HoconValueType.String } s && s.Text is "42" or "-42").ToList();
        Assert.Equal(2, strings.Count);
    }

    private static string Require()
    {
        // The attributes skip these tests when the folder is absent; reaching here without it is a bug.
        return HoconTestSupport.ConformanceDirectory() ?? throw new InvalidOperationException(HoconTestSupport.MissingConformance);
    }
}
