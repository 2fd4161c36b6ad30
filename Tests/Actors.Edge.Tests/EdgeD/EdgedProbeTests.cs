using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Actors.Edge.Tests.EdgeD.Support;

namespace Actors.Edge.Tests.EdgeD;

/// <summary>Liveness, readiness and startup probes on the process runtime (period 1 s, real clock).</summary>
public sealed class EdgedProbeTests : TestKit.TestKit
{
    private readonly EdgedHarness _edged;

    public EdgedProbeTests(Xunit.Abstractions.ITestOutputHelper output)
        : base(output: output) => _edged = new EdgedHarness(Sys, TimeProvider.System);

    [Fact]
    public async Task ExecReadinessProbe_FileAppears_ContainerBecomesReady()
    {
        var marker = Path.Combine(_edged.Root, "ready");
        var container = PodJson.Shell("app", "busybox", "sleep 600");
        container["readinessProbe"] = Probe(new JsonObject { ["exec"] = new JsonObject { ["command"] = new JsonArray("test", "-f", marker) } });
        var pod = PodJson.Pod("ready-exec", "Always", container);

        _edged.AddPod(pod);

        var notReady = (await _edged.WaitForStatusAsync(pod, s => s.Phase() == "Running" && s.Container("app").IsRunning(), "Running")).Status;
        Assert.False(notReady.Container("app").GetProperty("ready").GetBoolean());
        Assert.Equal("False", notReady.Condition("Ready"));

        await File.WriteAllTextAsync(marker, "ok");

        var ready = (await _edged.WaitForStatusAsync(pod, s => s.Condition("Ready") == "True", "Ready after the probe passes")).Status;
        Assert.True(ready.Container("app").GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task HttpGetReadinessAndStartupProbes_ServerAnswers200_Ready()
    {
        await using var server = new TinyHttpServer();
        var container = PodJson.Shell("web", "busybox", "sleep 600");
        container["startupProbe"] = Probe(new JsonObject { ["httpGet"] = Http(server.Port) });
        container["readinessProbe"] = Probe(new JsonObject { ["httpGet"] = Http(server.Port) });
        var pod = PodJson.Pod("ready-http", "Always", container);

        _edged.AddPod(pod);

        var ready = (await _edged.WaitForStatusAsync(pod, s => s.Condition("Ready") == "True", "Ready")).Status;
        Assert.True(ready.Container("web").GetProperty("started").GetBoolean());
        Assert.True(server.Requests >= 2, $"probe requests: {server.Requests}");
    }

    [Fact]
    public async Task TcpLivenessProbe_PortClosed_ContainerKilledAndRestarted()
    {
        var container = PodJson.Shell("app", "busybox", "sleep 600");
        container["livenessProbe"] = Probe(new JsonObject { ["tcpSocket"] = new JsonObject { ["host"] = "127.0.0.1", ["port"] = ClosedPort() } });
        var pod = PodJson.Pod("live-tcp", "Always", container);

        _edged.AddPod(pod);

        var restarted = (await _edged.WaitForStatusAsync(pod, s => s.Container("app").RestartCount() >= 1, "restart after liveness failure")).Status;
        Assert.True(restarted.Container("app").GetProperty("lastState").TryGetProperty("terminated", out _));
    }

    protected override void AfterAll()
    {
        _edged.Dispose();
        base.AfterAll();
    }

    private static JsonObject Probe(JsonObject action)
    {
        action["periodSeconds"] = 1;
        action["failureThreshold"] = 1;
        return action;
    }

    private static JsonObject Http(int port) => new() { ["host"] = "127.0.0.1", ["port"] = port, ["path"] = "/healthz" };

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
