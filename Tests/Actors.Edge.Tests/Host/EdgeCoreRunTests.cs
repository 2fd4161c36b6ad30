using System.Text.Json;

namespace Actors.Edge.Tests.Host;

/// <summary><c>edgecore run</c> as a real process: bad config, SIGTERM, SIGHUP reload, JSON logs.</summary>
public sealed class EdgeCoreRunTests : IDisposable
{
    private const string Dll = "edgecore.dll";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly TempConfig _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_BadConfig_PrintsErrorsByKeyAndExitsTwo()
    {
        var file = _dir.Write("bad.conf", "edgecore.modules.eventbus.mode = sideways\n");

        var (exit, _, stderr) = await HostProcess.RunAsync(Dll, ["run", "--config", file]);

        Assert.Equal(2, exit);
        Assert.Contains("edgecore.modules.eventbus.mode: unknown value 'sideways'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnparsableConfigWithoutCommand_ExitsTwoWithLineAndColumn()
    {
        var file = _dir.Write("broken.conf", "edgecore {\n  data-dir = [\n");

        var (exit, _, stderr) = await HostProcess.RunAsync(Dll, ["--config", file]);

        Assert.Equal(2, exit);
        Assert.Contains("broken.conf:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Sigterm_StopsCleanlyWithExitZero()
    {
        var file = _dir.Write("edge.conf", $"edgecore.data-dir = \"{_dir.Dir}\"\n");
        using var host = HostProcess.Start(Dll, ["--config", file, "-D", "edgecore.modules.servicebus.enable=on"]);
        await host.WaitForLineAsync(l => l.Contains("edgecore started: root actor /user/edgecore", StringComparison.Ordinal), Deadline);
        var modules = await host.WaitForLineAsync(l => l.Contains("Modules enabled in the configuration", StringComparison.Ordinal), Deadline);
        Assert.Contains("servicebus", modules, StringComparison.Ordinal);

        host.Signal("TERM");

        var exit = await host.WaitForExitAsync(Deadline);
        Assert.True(exit == 0, "exit " + exit + "\n" + host.StdErr + "\n" + host.StdOut);
        Assert.Contains("edgecore stopped", host.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MetricsPortSet_ServesHealthzReadyzAndMetrics()
    {
        var port = FreePort();
        var file = _dir.Write("edge.conf", $"edgecore {{ data-dir = \"{_dir.Dir}\", metrics.port = {port} }}\n");
        using var host = HostProcess.Start(Dll, ["run", "--config", file]);
        await host.WaitForLineAsync(l => l.Contains("Health and metrics on", StringComparison.Ordinal), Deadline);
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:" + port), Timeout = Deadline };

        Assert.Equal("ok\n", await http.GetStringAsync(new Uri("/healthz", UriKind.Relative)));
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("# TYPE edgeactors_uptime_seconds gauge", metrics, StringComparison.Ordinal);
        using var ready = await http.GetAsync(new Uri("/readyz?verbose", UriKind.Relative));
        var readyBody = await ready.Content.ReadAsStringAsync();
        Assert.Equal(ready.StatusCode == System.Net.HttpStatusCode.OK, readyBody.EndsWith("ok\n", StringComparison.Ordinal));
        Assert.Equal(ready.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable, readyBody.Contains("not ready:", StringComparison.Ordinal));

        host.Signal("TERM");
        var exit = await host.WaitForExitAsync(Deadline);
        Assert.True(exit == 0, "exit " + exit + "\n" + host.StdErr + "\n" + host.StdOut);
    }

    [Fact]
    public async Task Run_SighupWithChangedKeys_AppliesLogLevelAndReportsRestartKeys()
    {
        var file = _dir.Write("edge.conf", "edgecore { log-level = info, node-name = before }\n");
        using var host = HostProcess.Start(Dll, ["run", "--config", file]);
        await host.WaitForLineAsync(l => l.Contains("edgecore started", StringComparison.Ordinal), Deadline);
        File.WriteAllText(file, "edgecore { log-level = debug, node-name = after }\n");

        host.Signal("HUP");

        var applied = await host.WaitForLineAsync(l => l.Contains("Applied edgecore.log-level live", StringComparison.Ordinal), Deadline);
        Assert.Contains("from Information to Debug", applied, StringComparison.Ordinal);
        var restart = await host.WaitForLineAsync(l => l.Contains("need a restart", StringComparison.Ordinal), Deadline);
        Assert.Contains("edgecore.node-name", restart, StringComparison.Ordinal);
        Assert.DoesNotContain("edgecore.log-level", restart, StringComparison.Ordinal);
        host.Signal("TERM");
        var exit = await host.WaitForExitAsync(Deadline);
        Assert.True(exit == 0, "exit " + exit + "\n" + host.StdErr + "\n" + host.StdOut);
    }

    [Fact]
    public async Task Run_SighupWithInvalidConfig_KeepsRunningWithCurrentConfig()
    {
        var file = _dir.Write("edge.conf", "edgecore.log-level = info\n");
        using var host = HostProcess.Start(Dll, ["run", "--config", file]);
        await host.WaitForLineAsync(l => l.Contains("edgecore started", StringComparison.Ordinal), Deadline);
        File.WriteAllText(file, "edgecore.modules.edged.image-gc-high-threshold = 150\n");

        host.Signal("HUP");

        var rejected = await host.WaitForLineAsync(l => l.Contains("reload rejected", StringComparison.Ordinal), Deadline);
        Assert.Contains("edgecore.modules.edged.image-gc-high-threshold", rejected, StringComparison.Ordinal);
        host.Signal("TERM");
        var exit = await host.WaitForExitAsync(Deadline);
        Assert.True(exit == 0, "exit " + exit + "\n" + host.StdErr + "\n" + host.StdOut);
    }

    [Fact]
    public async Task Run_JsonLogFormat_WritesOneJsonObjectPerLine()
    {
        using var host = HostProcess.Start(Dll, ["-D", "edgecore.log-format=json", "-D", "edgecore.log-level=info"]);
        var line = await host.WaitForLineAsync(l => l.Contains("edgecore started", StringComparison.Ordinal), Deadline);

        var json = line[line.IndexOf('{', StringComparison.Ordinal)..];
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("Information", doc.RootElement.GetProperty("LogLevel").GetString());
        Assert.Contains("/user/edgecore", doc.RootElement.GetProperty("Message").GetString(), StringComparison.Ordinal);
        host.Signal("TERM");
        var exit = await host.WaitForExitAsync(Deadline);
        Assert.True(exit == 0, "exit " + exit + "\n" + host.StdErr + "\n" + host.StdOut);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
