using Actors.Kernel.Configuration;
using static Actors.Kernel.Tests.Configuration.HoconTestSupport;

namespace Actors.Kernel.Tests.Configuration;

public sealed class ParserTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  # only a comment\n// another")]
    [InlineData("{}")]
    [InlineData("\uFEFF{ }")]
    public void Parse_EmptyDocument_IsEmptyObject(string text) => Assert.True(Parse(text).IsEmpty);

    [Theory]
    [InlineData("{\"a\": {\"b\": [1, 2.5, \"x\", true, false, null]}}")]
    [InlineData("a { b = [1, 2.5, x, true, false, null] }")]
    [InlineData("a.b : [\n1\n2.5\n\"x\",\ntrue\nfalse\nnull,\n]")]
    [InlineData("a {\n  b = [1, 2.5, x, true, false, null]\n}\n")]
    [InlineData("a\n{\n  b = [1, 2.5, x, true, false, null] # c\n} // d")]
    public void Parse_EquivalentSyntaxes_GiveSameTree(string text)
    {
        var expected = Parse("{\"a\": {\"b\": [1, 2.5, \"x\", true, false, null]}}");
        AssertTreeEqual(expected.Root, Parse(text).Root, text);
    }

    [Fact]
    public void Parse_ScalarKinds_AreTyped()
    {
        var c = Parse("n = 1e5, s = \"1\", t = true, u = null, w = .33, v = 10.0foo");
        Assert.Equal(HoconValueType.Number, c.GetValue("n")!.Type);
        Assert.Equal("1e5", c.GetString("n"));
        Assert.Equal(HoconValueType.String, c.GetValue("s")!.Type);
        Assert.Equal(HoconValueType.Boolean, c.GetValue("t")!.Type);
        Assert.Equal(HoconValueType.Null, c.GetValue("u")!.Type);
        Assert.Equal(".33", c.GetString("w"));
        Assert.Equal("10.0foo", c.GetString("v"));
    }

    [Theory]
    [InlineData("a = foo bar  baz", "foo bar  baz")]
    [InlineData("a =   foo bar   ", "foo bar")]
    [InlineData("a = true foo", "true foo")]
    [InlineData("a = truefoo", "truefoo")]
    [InlineData("a = footrue", "footrue")]
    [InlineData("a = 1 2 3", "1 2 3")]
    [InlineData("a = \"x\" y \"z\"", "x y z")]
    [InlineData("a = null x", "null x")]
    [InlineData("a = 1.0e5 m", "1.0e5 m")]
    [InlineData("a = \"\"\"x\"y\"\"\"", "x\"y")]
    [InlineData("a = \"\"\"a\"\"\"\"", "a\"")]
    [InlineData("a = \"\"\"line1\nline2 \\n\"\"\"", "line1\nline2 \\n")]
    [InlineData("a = \"\\u0041\\t\\\"\\\\\\/\"", "A\t\"\\/")]
    [InlineData("a = http:x", null)]
    [InlineData("a = foo/bar", "foo/bar")]
    [InlineData("a = foo//bar", "foo")]
    [InlineData("a = include", "include")]
    public void Parse_StringsAndConcatenation_FollowSpec(string text, string? expected)
    {
        if (expected is null)
        {
            Fails(text);
            return;
        }

        Assert.Equal(expected, Parse(text).GetString("a"));
    }

    [Fact]
    public void Parse_ArrayWithSpaceSeparatedElements_IsOneStringElement()
    {
        Assert.Equal(["1 2 3"], Parse("a = [1 2 3]").GetStringList("a"));
        Assert.Equal([1, 2, 3, 4], Parse("a = [[1,2] [3,4]]").GetValue("a") is HoconArray outer
            ? ((HoconArray)outer[0]).Select(v => int.Parse(((HoconScalar)v).Text, System.Globalization.CultureInfo.InvariantCulture)) : []);
    }

    [Fact]
    public void Parse_ArrayAndObjectConcatenation_AppendsAndMerges()
    {
        var c = Parse("a = [1, 2] [3]\nb = {x : 1} {y : 2}\nc = {x : 1} {x : 2}");
        Assert.Equal([1, 2, 3], c.GetIntList("a"));
        Assert.Equal(1, c.GetInt("b.x"));
        Assert.Equal(2, c.GetInt("b.y"));
        Assert.Equal(2, c.GetInt("c.x"));
    }

    [Theory]
    [InlineData("a = [1] foo")]
    [InlineData("a = {x:1} foo")]
    [InlineData("a = [1] {x:1}")]
    [InlineData("a = {x:1} \" \" {y:2}")]
    public void Parse_MixedConcatenation_Fails(string text) => Fails(text);

    [Fact]
    public void Parse_PathKeys_SplitOnUnquotedDotsOnly()
    {
        var c = Parse("foo.bar.\"hello.world\" = 1\n10.0foo = 2\nfoo10.0 = 3\n1.2.3 = 4\n3.14 : 5\ntrue : 6\na b c : 7\na.\"\".b = 8");
        Assert.Equal(1, c.GetConfig("foo.bar").GetInt("\"hello.world\""));
        Assert.Equal(2, c.GetInt("\"10\".\"0foo\""));
        Assert.Equal(3, c.GetInt("foo10.\"0\""));
        Assert.Equal(4, c.GetInt("\"1\".\"2\".\"3\""));
        Assert.Equal(5, c.GetInt("\"3\".\"14\""));
        Assert.Equal(6, c.GetInt("\"true\""));
        Assert.Equal(7, c.GetInt("\"a b c\""));
        Assert.Equal(8, ((HoconObject)((HoconObject)c.Root["a"])[string.Empty]).Count > 0 ? c.GetInt("a.\"\".b") : 0);
    }

    [Fact]
    public void Parse_WeirdWhitespaceAroundKeys_IsTrimmedButInnerKept()
    {
        var c = Parse("  a  .  b   :  1\n\"x\"  y = 2");
        Assert.Equal(1, c.GetInt("\"a  \".\"  b\""));
        Assert.Equal(2, c.GetInt("\"x  y\""));
    }

    [Fact]
    public void Parse_DuplicateKeys_LaterWinsAndObjectsMerge()
    {
        var c = Parse("a = 1\na = 2\nb { x = 1, y = 1 }\nb { y = 2, z = 2 }\nc.d = 1\nc.e = 2");
        Assert.Equal(2, c.GetInt("a"));
        Assert.Equal([("x", 1), ("y", 2), ("z", 2)], new[] { "x", "y", "z" }.Select(k => (k, c.GetInt("b." + k))));
        Assert.Equal(1, c.GetInt("c.d"));
        Assert.Equal(2, c.GetInt("c.e"));
    }

    [Fact]
    public void Parse_NonObjectBetweenObjects_CutsTheMergeChain()
    {
        var c = Parse("foo { a : 42 }\nfoo = null\nfoo { b : 43 }");
        Assert.False(c.HasPath("foo.a"));
        Assert.Equal(43, c.GetInt("foo.b"));
        var d = Parse("foo { a : 42 }\nfoo = 7");
        Assert.Equal(7, d.GetInt("foo"));
    }

    [Fact]
    public void Parse_TrailingCommaOnce_IsAllowed()
    {
        Assert.Equal([1, 2], Parse("a = [1, 2,]").GetIntList("a"));
        Assert.Equal(1, Parse("{ a = 1, }").GetInt("a"));
    }

    [Fact]
    public void Parse_PlusEquals_AppendsOrCreates()
    {
        var c = Parse("a = [1]\na += 2\nb += x\nc { d += 1, d += 2 }");
        Assert.Equal([1, 2], c.GetIntList("a"));
        Assert.Equal(["x"], c.GetStringList("b"));
        Assert.Equal([1, 2], c.GetIntList("c.d"));
        Fails("a = 1\na += 2");
    }

    [Fact]
    public void Parse_IncludeAsLaterKeyWord_IsOrdinaryKey()
    {
        var c = Parse("foo include : 1\n\"include\" : 2\nincludes = 3");
        Assert.Equal(1, c.GetInt("\"foo include\""));
        Assert.Equal(2, c.GetInt("\"include\""));
        Assert.Equal(3, c.GetInt("includes"));
    }

    [Fact]
    public void Parse_UnicodeWhitespace_SeparatesLikeSpace()
    {
        var c = Parse("a\u00A0=\u2007b\u202Fc\u001Cd");
        Assert.Equal("b\u202Fc\u001Cd", c.GetString("a"));
    }

    [Fact]
    public void Parse_NumericallyIndexedObject_ReadsAsList()
    {
        var c = Parse("foo.\"0\" = a\nfoo.\"2\" = c\nfoo.\"1\" = b\nfoo.x = ignored\nbar = [x] { \"0\" : y }");
        Assert.Equal(["a", "b", "c"], c.GetStringList("foo"));
        Assert.Equal(["x", "y"], c.GetStringList("bar"));
        Assert.Throws<ConfigurationException>(() => Parse("e { }").GetStringList("e"));
    }
}
