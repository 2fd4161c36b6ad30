using System.Text.Json;
using Actors.Cloud.Tests.CloudHub.Process;

namespace Actors.Cloud.Tests.Host;

/// <summary>The built cloudcore executable as a real process: config commands, run, SIGTERM, SIGHUP.</summary>
public sealed class CloudCoreProcessTests : IDisposable
{
    private const string Dll = "cloudcore.dll";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempConfig _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ConfigResolve_GoodFile_PrintsJsonAndExitsZero()
    {
        var file = _dir.Write("good.conf", "port = 10000\ncloudcore.modules.cloudhub.websocket.port = ${port}\n");

        var (exit, stdout, stderr) = await HostProcess.RunAsync(Dll, ["config", "resolve", file]);

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(10000, json.RootElement.GetProperty("cloudcore").GetProperty("modules").GetProperty("cloudhub").GetProperty("websocket").GetProperty("port").GetInt32());
    }

    [Fact]
    public async Task ConfigResolve_UndefinedSubstitution_PrintsLineAndColumnAndExitsTwo()
    {
        var file = _dir.Write("bad.conf", "a = 1\ncloudcore.kubeconfig = ${missing}\n");

        var (exit, stdout, stderr) = await HostProcess.RunAsync(Dll, ["config", "resolve", file]);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("bad.conf:2:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigCheck_SeveralErrors_ListsEveryKeyAndExitsTwo()
    {
        var file = _dir.Write("errors.conf", """
            cloudcore.modules.cloudhub { node-limit = 0, keepalive-interval = forever, websocket.address = "example" }
            cloudcore.modules.router.port = 65536
            akka.coordinated-shutdown.phases.no-such-phase.timeout = 5s
            """);

        var (exit, _, stderr) = await HostProcess.RunAsync(Dll, ["config", "check", file]);

        Assert.Equal(2, exit);
        Assert.Contains("5 error(s)", stderr, StringComparison.Ordinal);
        foreach (var key in new[]
        {
            "cloudcore.modules.cloudhub.node-limit:", "cloudcore.modules.cloudhub.keepalive-interval:",
            "cloudcore.modules.cloudhub.websocket.address: invalid address", "cloudcore.modules.router.port:",
            "akka.coordinated-shutdown.phases.no-such-phase: not a known",
        })
        {
            Assert.Contains(key, stderr, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("hocon/cloudcore.conf")]
    [InlineData("hocon/profiles/large-fleet.conf")]
    public async Task ConfigCheck_ShippedConfig_Passes(string relative)
    {
        var (exit, stdout, stderr) = await HostProcess.RunAsync(Dll, ["config", "check", Path.Combine(TempConfig.RepoRoot(), relative)]);

        Assert.True(exit == 0, stderr);
        Assert.Contains("OK", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigPrint_EnvAndCommandLine_ShowOrigins()
    {
        var env = new Dictionary<string, string> { ["EDGEACTORS_CLOUDCORE__MODULES__CLOUDHUB__NODE_LIMIT"] = "5000" };

        var (exit, stdout, stderr) = await HostProcess.RunAsync(Dll, ["config", "print", "-Dcloudcore.log-level=debug"], env);

        Assert.True(exit == 0, stderr);
        Assert.Contains("# env EDGEACTORS_CLOUDCORE__MODULES__CLOUDHUB__NODE_LIMIT", stdout, StringComparison.Ordinal);
        Assert.Contains("# command line", stdout, StringComparison.Ordinal);
        Assert.Contains("# cloudcore/reference.conf:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BadConfig_ExitsTwo()
    {
        var (exit, _, stderr) = await HostProcess.RunAsync(Dll, ["run", "-D", "cloudcore.modules.apiserver.listen=nowhere"]);

        Assert.Equal(2, exit);
        Assert.Contains("cloudcore.modules.apiserver.listen: invalid address 'nowhere'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SighupThenSigterm_AppliesLogLevelAndExitsZero()
    {
        var file = _dir.Write("cloud.conf", "cloudcore { log-level = info, modules.cloudhub.node-limit = 500 }\n");
        using var host = HostProcess.Start(Dll, ["run", .. CloudHubTestPorts.Loopback, "--config", file, "--data-dir", _dir.Dir, "-D", "cloudcore.modules.apiserver.listen=127.0.0.1:0"]);
        await host.WaitForLineAsync(l => l.Contains("cloudcore started: root actor /user/cloudcore", StringComparison.Ordinal), Deadline);
        File.WriteAllText(file, "cloudcore { log-level = warning, modules.cloudhub.node-limit = 900, modules.cloudhub.keepalive-interval = 45s }\n");

        host.Signal("HUP");

        var applied = await host.WaitForLineAsync(l => l.Contains("Applied cloudcore.log-level live", StringComparison.Ordinal), Deadline);
        Assert.Contains("to Warning", applied, StringComparison.Ordinal);
        var restart = await host.WaitForLineAsync(l => l.Contains("need a restart", StringComparison.Ordinal), Deadline);
        Assert.Contains("cloudcore.modules.cloudhub.node-limit", restart, StringComparison.Ordinal);
        Assert.DoesNotContain("keepalive-interval", restart, StringComparison.Ordinal);
        host.Signal("TERM");
        var exit = await host.WaitForExitAsync(Deadline);
        Assert.True(exit == 0, "exit " + exit + "\n" + host.StdOut + "\n" + host.StdErr);
    }
}
