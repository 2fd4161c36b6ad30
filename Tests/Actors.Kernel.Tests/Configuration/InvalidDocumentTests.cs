using Actors.Kernel.Configuration;
using static Actors.Kernel.Tests.Configuration.HoconTestSupport;

namespace Actors.Kernel.Tests.Configuration;

public sealed class InvalidDocumentTests
{
    [Theory]
    [InlineData("a = \"abc", 1, 5, "unterminated quoted string")]
    [InlineData("a = \"ab\nc\"", 1, 8, "newline")]
    [InlineData("a = \"\\q\"", 1, 6, "bad escape")]
    [InlineData("a = \"\\u12g4\"", 1, 6, "four hex digits")]
    [InlineData("a = \"\"\"abc", 1, 5, "triple-quoted")]
    [InlineData("\n\nb = ${a", 3, 5, "unterminated substitution")]
    [InlineData("a = ${}", 1, 5, "expected a key or path")]
    [InlineData("a = ${ ?x}", 1, 8, "'?'")]
    [InlineData("a { b = 1", 1, 10, "expected '}'")]
    [InlineData("a = 1 }", 1, 7, "unbalanced '}'")]
    [InlineData("{ a = 1 } }", 1, 11, "unbalanced")]
    [InlineData("a = [1, 2", 1, 10, "']'")]
    [InlineData("a = [1,, 2]", 1, 8, "','")]
    [InlineData("a = [, 1]", 1, 6, "','")]
    [InlineData("{ , a = 1 }", 1, 3, "','")]
    [InlineData("a = 1,, b = 2", 1, 7, "','")]
    [InlineData("a = [1,,]", 1, 8, "','")]
    [InlineData("a = ", 1, 5, "expected a value for key 'a'")]
    [InlineData("a", 1, 2, "expected ':', '=' or '{'")]
    [InlineData("a\nb = 1", 2, 1, "expected ':', '=' or '{'")]
    [InlineData("a = b = c", 1, 7, "expected ',' or a newline")]
    [InlineData("a = x`y", 1, 6, "reserved character '`'")]
    [InlineData("a = x^y", 1, 6, "'^'")]
    [InlineData("a = x!", 1, 6, "'!'")]
    [InlineData("a = x@y", 1, 6, "'@'")]
    [InlineData("a = x*y", 1, 6, "'*'")]
    [InlineData("a = x&y", 1, 6, "'&'")]
    [InlineData("a = x\\y", 1, 6, "'\\'")]
    [InlineData("a = x?", 1, 6, "'?'")]
    [InlineData("a = $x", 1, 5, "'$'")]
    [InlineData("a = 1+2", 1, 6, "'+'")]
    [InlineData("a..b = 1", 1, 1, "empty element")]
    [InlineData(".a = 1", 1, 1, "empty element")]
    [InlineData("a. = 1", 1, 1, "ends with '.'")]
    [InlineData("${a} = 1", 1, 1, "substitutions are not allowed in keys")]
    [InlineData("[1, 2]", 1, 1, "root must be an object")]
    [InlineData("include 42", 1, 9, "must be followed by a quoted file name")]
    [InlineData("include = \"x\"", 1, 9, "must be followed by a quoted file name")]
    [InlineData("include foo(\"x\")", 1, 9, "unknown include qualifier")]
    [InlineData("include file(\"x\"", 1, 17, "expected ')'")]
    [InlineData("include \"a\" \"b\"", 1, 13, "expected ',' or a newline")]
    [InlineData("a = [{ include \"x\" }]", 1, 8, "array element")]
    [InlineData("include required(\"missing.conf\")", 1, 1, "required include \"missing.conf\" was not found")]
    [InlineData("include url(\"http://example.com/x.conf\")", 1, 1, "url(")]
    public void Parse_InvalidDocument_FailsWithPositionAndExpectation(string text, int line, int column, string fragment)
    {
        var e = Fails(text);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"string:{line}:{column}: ", e.Message, StringComparison.Ordinal);
        Assert.Equal(line, e.Line);
    }

    [Theory]
    [InlineData("a = ${b}", "could not resolve substitution ${b}")]
    [InlineData("a = ${b}, b = ${a}", "cycle")]
    [InlineData("a = ${b}, b = ${c}, c = ${a}", "cycle")]
    [InlineData("a { b = ${a} }", "cycle")]
    [InlineData("a = [${a}]", "cycle")]
    [InlineData("a = ${a}", "could not resolve substitution ${a}")]
    [InlineData("a = ${a}x", "could not resolve substitution ${a}")]
    [InlineData("a = 1, b = ${a} [2]", "cannot concatenate")]
    public void Resolve_InvalidSubstitution_FailsClearly(string text, string fragment)
    {
        var e = Fails(text);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("string:1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ErrorInFile_NamesFileLineAndColumn()
    {
        var dir = Directory.CreateTempSubdirectory("hocon-test");
        try
        {
            var path = Path.Combine(dir.FullName, "bad.conf");
            File.WriteAllText(path, "a = 1\nb {\n  c = \"oops\n}\n");
            var e = Assert.Throws<ConfigurationException>(() => ConfigurationFactory.FromFile(path));
            Assert.Equal($"{path}:3:12: unterminated quoted string: newline before the closing '\"' (use \\n or a \"\"\" string)", e.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Parse_DeepNesting_FailsInsteadOfOverflowingTheStack()
    {
        Assert.IsType<HoconArray>(Parse("a = " + new string('[', 150) + "1" + new string(']', 150)).GetValue("a"));
        var e = Fails("a = " + new string('[', 5_000));
        Assert.Contains("nested more than 200 levels", e.Message, StringComparison.Ordinal);
        var objects = Fails(string.Concat(Enumerable.Repeat("a {", 5_000)));
        Assert.Contains("nested more than", objects.Message, StringComparison.Ordinal);
        var longPath = Fails(string.Join('.', Enumerable.Repeat("a", 5_000)) + " = 1");
        Assert.Contains("more than 200 elements", longPath.Message, StringComparison.Ordinal);
        var key = string.Join('.', Enumerable.Repeat("a", 150));
        var combined = Fails(string.Concat(Enumerable.Repeat(key + " {", 5)));
        Assert.Contains("levels deep", combined.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_LongSubstitutionChain_FailsInsteadOfOverflowingTheStack()
    {
        var chain = string.Join('\n', Enumerable.Range(0, 5_000).Select(i => $"k{i} = ${{k{i + 1}}}")) + "\nk5000 = end";
        var e = Fails(chain);
        Assert.Contains("levels deep", e.Message, StringComparison.Ordinal);
        var shortChain = string.Join('\n', Enumerable.Range(0, 100).Select(i => $"k{i} = ${{k{i + 1}}}")) + "\nk100 = end";
        Assert.Equal("end", Parse(shortChain).GetString("k0"));
    }
}
