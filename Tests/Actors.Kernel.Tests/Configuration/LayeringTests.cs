using Actors.Kernel.Configuration;

namespace Actors.Kernel.Tests.Configuration;

public sealed class LayeringTests
{
    private const string Reference = """
        edgecore {
          modules.edgehub { heartbeat = 15s, enable = true }
          node-name = ${?NODE_NAME}
          log-level = info
          data-dir = /var/lib/edge
          path = ${edgecore.data-dir}/db
        }
        """;

    private static ConfigLoader Loader(Dictionary<string, string> env) =>
        new(HoconDocument.Parse(Reference, "reference.conf"), n => env.GetValueOrDefault(n), () => env);

    [Theory]
    [InlineData("EDGEACTORS_EDGECORE__MODULES__EDGEHUB__HEARTBEAT", "edgecore.modules.edgehub.heartbeat")]
    [InlineData("EDGEACTORS_EDGECORE__LOG_LEVEL", "edgecore.log-level")]
    [InlineData("EDGEACTORS_A", "a")]
    [InlineData("EDGEACTORS_", null)]
    [InlineData("EDGEACTORS_A____B", null)]
    [InlineData("OTHER_A", null)]
    [InlineData("edgeactors_a", null)]
    public void EnvironmentNameToPath_MapsDoubleUnderscoreToDotAndSingleToDash(string name, string? expected) =>
        Assert.Equal(expected, ConfigLoader.EnvironmentNameToPath(name));

    [Fact]
    public void Load_Precedence_CommandLineOverEnvOverFileOverReference()
    {
        using var dir = new TempConfigDirectory();
        var file = dir.Write("edge.conf", "edgecore.log-level = warn\nedgecore.data-dir = /data\nedgecore.modules.edgehub.heartbeat = 30s\n");
        var env = new Dictionary<string, string> { ["EDGEACTORS_EDGECORE__MODULES__EDGEHUB__HEARTBEAT"] = "45s", ["EDGEACTORS_EDGECORE__LOG_LEVEL"] = "debug" };
        var args = ConfigArguments.Parse(["--config", file, "-D", "edgecore.log-level=trace", "run"]);
        var config = Loader(env).Load(args);
        Assert.Equal("trace", config.GetString("edgecore.log-level"));
        Assert.Equal(TimeSpan.FromSeconds(45), config.GetTimeSpan("edgecore.modules.edgehub.heartbeat"));
        Assert.Equal("/data/db", config.GetString("edgecore.path"));
        Assert.True(config.GetBoolean("edgecore.modules.edgehub.enable"));
        Assert.Equal(["run"], args.Remaining);

        Assert.Equal("command line", config.GetValue("edgecore.log-level")!.Origin.ToString());
        Assert.Equal("env EDGEACTORS_EDGECORE__MODULES__EDGEHUB__HEARTBEAT", config.GetValue("edgecore.modules.edgehub.heartbeat")!.Origin.ToString());
        Assert.Equal(file + ":2", config.GetValue("edgecore.data-dir")!.Origin.ToString());
        Assert.Equal("reference.conf:2", config.GetValue("edgecore.modules.edgehub.enable")!.Origin.ToString());
    }

    [Fact]
    public void Load_SubstitutionFallsBackToEnvironmentVariable()
    {
        var config = Loader(new Dictionary<string, string> { ["NODE_NAME"] = "edge-1" }).Load(ConfigArguments.None);
        Assert.Equal("edge-1", config.GetString("edgecore.node-name"));
        Assert.False(Loader([]).Load(ConfigArguments.None).HasPath("edgecore.node-name"));
    }

    [Fact]
    public void Load_ListOverrideFromCommandLine_IsParsedAsHocon()
    {
        var config = Loader([]).Load(ConfigArguments.Parse(["-Dedgecore.peers=[a, b]", "-D", "edgecore.x=plain text"]));
        Assert.Equal(["a", "b"], config.GetStringList("edgecore.peers"));
        Assert.Equal("plain text", config.GetString("edgecore.x"));
    }

    [Theory]
    [InlineData("-D")]
    [InlineData("-Dnokey")]
    [InlineData("-D=1")]
    [InlineData("-Da..b=1")]
    [InlineData("--config")]
    public void ConfigArguments_Malformed_Throw(string arg) =>
        Assert.Throws<ConfigurationException>(() => ConfigArguments.Parse([arg]));

    [Fact]
    public void Load_MissingConfigFile_FailsClearly()
    {
        var e = Assert.Throws<ConfigurationException>(() => Loader([]).Load(new ConfigArguments("/nonexistent/x.conf", [], [])));
        Assert.Equal("/nonexistent/x.conf: configuration file not found", e.Message);
    }

    [Fact]
    public void Load_ReferenceSubstitution_SteeredByHigherLayer_ButReferenceMustResolveAlone()
    {
        using var dir = new TempConfigDirectory();
        var app = dir.Write("app.conf", "b = overridden");
        var good = new ConfigLoader(HoconDocument.Parse("a = ${b}\nb = b", "reference.conf"), _ => null, () => []);
        Assert.Equal("overridden", good.Load(new ConfigArguments(app, [], [])).GetString("a"));

        var bad = new ConfigLoader(HoconDocument.Parse("a = ${b}", "reference.conf"), _ => null, () => []);
        var e = Assert.Throws<ConfigurationException>(() => bad.Load(new ConfigArguments(app, [], [])));
        Assert.StartsWith("reference.conf:1:5: could not resolve substitution ${b}", e.Message, StringComparison.Ordinal);
    }
}
