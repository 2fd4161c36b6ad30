using Actors.Kernel.Configuration;
using static Actors.Kernel.Tests.Configuration.HoconTestSupport;

namespace Actors.Kernel.Tests.Configuration;

public sealed class SubstitutionTests
{
    [Fact]
    public void Substitution_LooksForwardAndKeepsType()
    {
        var c = Parse("a = ${b}\nb = { x = 1 }\nn = ${m}\nm = 42\nz = ${y}\ny = null");
        Assert.Equal(1, c.GetInt("a.x"));
        Assert.Equal(HoconValueType.Number, c.GetValue("n")!.Type);
        Assert.Equal(HoconValueType.Null, c.GetValue("z")!.Type);
    }

    [Fact]
    public void Substitution_InConcatenation_IsStringified()
    {
        var c = Parse("a = 42\nb = ${a} apples\nc = ${a}\" x\"\nd = \"${a}\"\ne = ${t}${a}\nt = true");
        Assert.Equal("42 apples", c.GetString("b"));
        Assert.Equal("42 x", c.GetString("c"));
        Assert.Equal("${a}", c.GetString("d"));
        Assert.Equal("true42", c.GetString("e"));
    }

    [Fact]
    public void Substitution_SeesFinalMergedValue()
    {
        var c = Parse("bar { foo = 42, baz = ${bar.foo} }\nbar { foo = 43 }");
        Assert.Equal(43, c.GetInt("bar.baz"));
    }

    [Fact]
    public void OptionalSubstitution_UndefinedCases_FollowSpec()
    {
        var c = Parse("a = 1\na = ${?nope}\nb = [1, ${?nope}, 2]\nc = x${?nope}y\nd = ${?nope}${?nope2}\ne = [1] ${?nope}\nf = {x:1} ${?nope}");
        Assert.Equal(1, c.GetInt("a"));
        Assert.Equal([1, 2], c.GetIntList("b"));
        Assert.Equal("xy", c.GetString("c"));
        Assert.False(c.HasPath("d"));
        Assert.Equal([1], c.GetIntList("e"));
        Assert.Equal(1, c.GetInt("f.x"));
    }

    [Fact]
    public void NullTarget_IsDefined_AndBlocksEnvironment()
    {
        var c = Parse("HOME = null\nh = ${HOME}", name => name == "HOME" ? "/root" : null);
        Assert.Equal(HoconValueType.Null, c.GetValue("h")!.Type);
    }

    [Fact]
    public void Environment_FallbackOnlyWhenAbsent_AndValuesAreStrings()
    {
        Func<string, string?> env = name => name switch { "PORT" => "8080", "EMPTY" => string.Empty, "a" => "env-a", _ => null };
        var c = Parse("port = ${PORT}\nempty = ${EMPTY}\na = in-config\nb = ${a}", env);
        Assert.Equal(HoconValueType.String, c.GetValue("port")!.Type);
        Assert.Equal(8080, c.GetInt("port"));
        Assert.Equal(string.Empty, c.GetString("empty"));
        Assert.Equal("in-config", c.GetString("b"));
        Assert.Equal("env", c.GetValue("port")!.Origin.Description);
        Assert.Throws<ConfigurationException>(() => Parse("port = ${PORT}"));
    }

    [Fact]
    public void SelfReference_LooksBackToPreviousValue()
    {
        var c = Parse("path = [a]\npath = ${path} [b]\npath = ${path} [c]\ns = x\ns = ${s}y\no = { a = 1 }\no = ${o} { b = 2 }");
        Assert.Equal(["a", "b", "c"], c.GetStringList("path"));
        Assert.Equal("xy", c.GetString("s"));
        Assert.Equal(1, c.GetInt("o.a"));
        Assert.Equal(2, c.GetInt("o.b"));
    }

    [Fact]
    public void OptionalSelfReference_WithoutPrevious_IsUndefined()
    {
        var c = Parse("foo = ${?foo}\na = ${?a}foo\nb = ${?b} [1]");
        Assert.False(c.HasPath("foo"));
        Assert.Equal("foo", c.GetString("a"));
        Assert.Equal([1], c.GetIntList("b"));
    }

    [Fact]
    public void SelfReference_ThroughSubPath_LooksBack()
    {
        var c = Parse("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }");
        Assert.Equal(2, c.GetInt("foo.a"));
        Assert.Equal(1, c.GetInt("foo.c"));
    }

    [Fact]
    public void SelfReference_InNestedField_LooksBack()
    {
        var c = Parse("a { x = 1 }\na.x = ${a.x}0\nb { x = [1] }\nb { x += 2 }");
        Assert.Equal(10, c.GetInt("a.x"));
        Assert.Equal([1, 2], c.GetIntList("b.x"));
    }

    [Fact]
    public void HiddenAssignment_IsNeverEvaluated()
    {
        Assert.Equal(42, Parse("foo : ${does-not-exist}\nfoo : 42").GetInt("foo"));
    }

    [Fact]
    public void MutualReferencesBetweenObjects_Resolve()
    {
        var c = Parse("a { x = ${b.y}, z = 1 }\nb { y = 2, w = ${a.z} }");
        Assert.Equal(2, c.GetInt("a.x"));
        Assert.Equal(1, c.GetInt("b.w"));
    }

    [Fact]
    public void SwappedSelfReferences_EndEqual()
    {
        var c = Parse("a : 1\nb : 2\na : ${b}\nb : ${a}");
        Assert.Equal(c.GetInt("a"), c.GetInt("b"));
    }

    [Fact]
    public void Substitution_Memoised_PerOccurrence()
    {
        var c = Parse("a = { x = ${y} }\ny = 5\nb = ${a}\nc = ${a}");
        Assert.Equal(5, c.GetInt("b.x"));
        Assert.Equal(5, c.GetInt("c.x"));
    }

    [Fact]
    public void Substitution_WhitespaceInsideBraces_IsAllowed()
    {
        Assert.Equal(1, Parse("a.b = 1\nc = ${  a.b  }").GetInt("c"));
    }

    [Fact]
    public void ObjectConcatenationWithSubstitutions_Merges()
    {
        var c = Parse("base { x = 1, y = 1 }\nderived = ${base} { y = 2 }\narr = [0]\nmore = ${arr} [1] ${arr}");
        Assert.Equal(1, c.GetInt("derived.x"));
        Assert.Equal(2, c.GetInt("derived.y"));
        Assert.Equal([0, 1, 0], c.GetIntList("more"));
    }

    [Fact]
    public void CycleError_NamesTheChain()
    {
        var e = Fails("a = ${b}\nb = ${c}\nc = ${a}");
        Assert.Contains("cycle", e.Message, StringComparison.Ordinal);
        Assert.Contains("a", e.Message, StringComparison.Ordinal);
        Assert.Matches(@"^string:\d", e.Message);
    }
}
