using System.Text.Json;

namespace Actors.Edge.Tests.Host;

/// <summary>The built edgecore executable's <c>config</c>, <c>--version</c> and <c>--help</c> commands, as real processes.</summary>
public sealed class EdgeCoreConfigCommandTests : IDisposable
{
    private const string Dll = "edgecore.dll";
    private readonly TempConfig _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ConfigResolve_GoodFile_PrintsResolvedJsonAndExitsZero()
    {
        var file = _dir.Write("good.conf", "base = 15s\nedgecore.modules.edgehub { heartbeat = ${base}, server = \"wss://10.0.0.1:10000\" }\n");

        var (exit, stdout, stderr) = await HostProcess.RunAsync(Dll, ["config", "resolve", file]);

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        using var json = JsonDocument.Parse(stdout);
        var hub = json.RootElement.GetProperty("edgecore").GetProperty("modules").GetProperty("edgehub");
        Assert.Equal("15s", hub.GetProperty("heartbeat").GetString());
        Assert.Equal("wss://10.0.0.1:10000", hub.GetProperty("server").GetString());
    }

    [Fact]
    public async Task ConfigResolve_BadFile_PrintsLineAndColumnWithoutStackTraceAndExitsTwo()
    {
        var file = _dir.Write("bad.conf", "edgecore {\n  node-name = \"unterminated\n}\n");

        var (exit, stdout, stderr) = await HostProcess.RunAsync(Dll, ["config", "resolve", file]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("bad.conf:2:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigPrint_EveryLayer_ShowsTheOriginOfEachValue()
    {
        var file = _dir.Write("deploy.conf", "edgecore {\n  data-dir = /srv/edge\n}\n");
        var env = new Dictionary<string, string> { ["EDGEACTORS_EDGECORE__MODULES__EDGEHUB__MESSAGE_QPS"] = "42" };

        var (exit, stdout, stderr) = await HostProcess.RunAsync(Dll, ["config", "print", "--config", file, "-D", "edgecore.node-name=from-cli"], env);

        Assert.True(exit == 0, stderr);
        var lines = stdout.Split('\n').Select(l => l.Trim()).ToList();
        AssertOrigin(lines, "node-name = \"from-cli\"", "# command line");
        AssertOrigin(lines, "message-qps = \"42\"", "# env EDGEACTORS_EDGECORE__MODULES__EDGEHUB__MESSAGE_QPS");
        AssertOrigin(lines, "data-dir = \"/srv/edge\"", "# " + file + ":2");
        AssertOrigin(lines, "heartbeat = \"15s\"", "# edgecore/reference.conf:");
        AssertOrigin(lines, "throughput = 30", "# Actors.Kernel/reference.conf:");
    }

    [Fact]
    public async Task ConfigCheck_SeveralErrors_ListsEveryErrorByKeyAndExitsTwo()
    {
        var file = _dir.Write("errors.conf", """
            edgecore {
              log-level = loud
              modules.edgehub.heartbeat = often
              modules.edgehub.message-qps = -1
              modules.edged.runtime = docker
              modules.metamanager.metaserver.server = "127.0.0.1:99999"
            }
            akka.actor.default-dispatcher.throughput = 0
            """);

        var (exit, stdout, stderr) = await HostProcess.RunAsync(Dll, ["config", "check", file]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("6 error(s)", stderr, StringComparison.Ordinal);
        foreach (var key in new[]
        {
            "edgecore.log-level: unknown log level 'loud'", "edgecore.modules.edgehub.heartbeat:",
            "edgecore.modules.edgehub.message-qps: must be between 1", "edgecore.modules.edged.runtime: unknown value 'docker'",
            "edgecore.modules.metamanager.metaserver.server: invalid address", "akka.actor.default-dispatcher.throughput: must be between 1",
        })
        {
            Assert.Contains(key, stderr, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hocon/edgecore.conf")]
    [InlineData("hocon/profiles/constrained-edge.conf")]
    public async Task ConfigCheck_ShippedConfig_Passes(string relative)
    {
        var (exit, stdout, stderr) = await HostProcess.RunAsync(Dll, ["config", "check", Path.Combine(TempConfig.RepoRoot(), relative)]);

        Assert.True(exit == 0, stderr);
        Assert.Contains("OK", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsNameAndVersionAndExitsZero()
    {
        var (exit, stdout, _) = await HostProcess.RunAsync(Dll, ["--version"]);

        Assert.Equal(0, exit);
        Assert.StartsWith("edgecore ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsCommandsAndExitsZero()
    {
        var (exit, stdout, _) = await HostProcess.RunAsync(Dll, ["--help"]);

        Assert.Equal(0, exit);
        Assert.Contains("config check FILE", stdout, StringComparison.Ordinal);
        Assert.Contains("run [--data-dir DIR] [--config FILE]", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_PrintsUsageAndExitsOne()
    {
        var (exit, _, stderr) = await HostProcess.RunAsync(Dll, ["frobnicate"]);

        Assert.Equal(1, exit);
        Assert.Contains("unknown command 'frobnicate'", stderr, StringComparison.Ordinal);
    }

    private static void AssertOrigin(List<string> lines, string setting, string origin)
    {
        var index = lines.FindIndex(l => l == setting);
        Assert.True(index > 0, "'" + setting + "' not printed");
        Assert.StartsWith(origin, lines[index - 1], StringComparison.Ordinal);
    }
}
