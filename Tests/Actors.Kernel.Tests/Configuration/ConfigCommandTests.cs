using Actors.Kernel.Configuration;

namespace Actors.Kernel.Tests.Configuration;

public sealed class ConfigCommandTests
{
    private sealed class PortValidator : IOptionsValidator
    {
        public IEnumerable<string> Validate(Config effective)
        {
            var port = effective.GetInt("app.port");
            if (port is <= 0 or > 65535)
            {
                yield return $"app.port: must be between 1 and 65535, got {port}";
            }

            if (effective.GetTimeSpan("app.timeout") <= TimeSpan.Zero)
            {
                yield return "app.timeout: must be positive";
            }
        }
    }

    private static ConfigCommandContext Context(Dictionary<string, string>? env = null) => new()
    {
        Reference = HoconDocument.Parse("app { port = 8080, timeout = 5s, name = ${?APP_NAME} }", "reference.conf"),
        Validators = [new PortValidator()],
        GetEnvironmentVariable = n => env?.GetValueOrDefault(n),
        EnvironmentVariables = () => env ?? [],
        ProgramName = "edgecore",
    };

    private static (int Code, string Out, string Err) Run(ConfigCommandContext ctx, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ConfigCommand.Run(args, ctx, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Resolve_ValidFile_PrintsJson()
    {
        using var dir = new TempConfigDirectory();
        var file = dir.Write("a.conf", "a = 1\nb = ${a}\nh = ${?HOME}");
        var (code, output, err) = Run(Context(new() { ["HOME"] = "/root" }), "config", "resolve", file);
        Assert.Equal(0, code);
        Assert.Empty(err);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("b").GetInt32());
        Assert.False(json.RootElement.TryGetProperty("h", out _));

        var (code2, output2, _) = Run(Context(new() { ["HOME"] = "/root" }), "resolve", file, "--env");
        Assert.Equal(0, code2);
        Assert.Contains("\"h\": \"/root\"", output2, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_BadFile_PrintsPositionedErrorAndExits2()
    {
        using var dir = new TempConfigDirectory();
        var file = dir.Write("bad.conf", "a = 1\nb = ${missing}\n");
        var (code, output, err) = Run(Context(), "config", "resolve", file);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal($"error: {file}:2:5: could not resolve substitution ${{missing}}: 'missing' is not defined\n", err.ReplaceLineEndings("\n"));
        Assert.DoesNotContain(" at ", err, StringComparison.Ordinal);

        var (code2, _, err2) = Run(Context(), "config", "resolve", "/nonexistent.conf");
        Assert.Equal(2, code2);
        Assert.Contains("not found", err2, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_ShowsEffectiveConfigWithOrigins()
    {
        using var dir = new TempConfigDirectory();
        var file = dir.Write("app.conf", "app.port = 9090\n");
        var env = new Dictionary<string, string> { ["EDGEACTORS_APP__NAME"] = "from-env" };
        var (code, output, err) = Run(Context(env), "config", "print", "--config", file, "-D", "app.timeout=7s");
        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.Contains($"# {file}:1\n  port = 9090", output, StringComparison.Ordinal);
        Assert.Contains("# command line\n  timeout = \"7s\"", output, StringComparison.Ordinal);
        Assert.Contains("# env EDGEACTORS_APP__NAME\n  name = \"from-env\"", output, StringComparison.Ordinal);
        var reparsed = ConfigurationFactory.ParseString(output);
        Assert.Equal(9090, reparsed.GetInt("app.port"));
    }

    [Fact]
    public void Check_InvalidValues_ListsEveryErrorAndExits2()
    {
        using var dir = new TempConfigDirectory();
        var bad = dir.Write("bad.conf", "app { port = 70000, timeout = -1s }");
        var (code, output, err) = Run(Context(), "config", "check", bad);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("2 error(s)", err, StringComparison.Ordinal);
        Assert.Contains("app.port: must be between 1 and 65535, got 70000", err, StringComparison.Ordinal);
        Assert.Contains("app.timeout: must be positive", err, StringComparison.Ordinal);

        var good = dir.Write("good.conf", "app.port = 1");
        var (okCode, okOut, okErr) = Run(Context(), "config", "check", good);
        Assert.Equal(0, okCode);
        Assert.Contains("OK", okOut, StringComparison.Ordinal);
        Assert.Empty(okErr);
    }

    [Fact]
    public void Check_TypeErrorInValidator_IsReportedNotThrown()
    {
        using var dir = new TempConfigDirectory();
        var bad = dir.Write("bad.conf", "app.port = eighty");
        var (code, _, err) = Run(Context(), "config", "check", bad);
        Assert.Equal(2, code);
        Assert.Contains($"{bad}:1: 'app.port' has the string \"eighty\" but a 32-bit integer is required", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("config")]
    [InlineData("config", "frobnicate")]
    [InlineData("config", "resolve")]
    [InlineData("config", "print", "stray")]
    public void Run_BadUsage_PrintsUsageAndExits1(params string[] args)
    {
        var (code, output, err) = Run(Context(), args);
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("usage: edgecore config resolve FILE [--env]", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_BadOverride_Exits2()
    {
        var (code, _, err) = Run(Context(), "config", "print", "-D", "novalue");
        Assert.Equal(2, code);
        Assert.Contains("-D expects key=value", err, StringComparison.Ordinal);
    }
}
