using System.Net;
using Actors.Kernel.Diagnostics;

namespace Actors.Kernel.Tests.Diagnostics;

public sealed class DiagnosticsServerTests : TestKit.TestKit
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Healthz_RunningSystem_Ok()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = Deadline };

        using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_ComponentNotReady_503ThenOkOnceReported()
    {
        var health = HealthRegistry.Get(Sys);
        health.Expect("cloudhub");
        await using var server = await StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = Deadline };

        using (var notReady = await http.GetAsync(new Uri("/readyz?verbose", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
            var body = await notReady.Content.ReadAsStringAsync();
            Assert.Contains("[-] cloudhub not ready: starting", body, StringComparison.Ordinal);
        }

        health.Report("cloudhub", true, "listening");
        using var ready = await http.GetAsync(new Uri("/readyz?verbose", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("[+] cloudhub ok: listening", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_RegisteredCounterAndKernelGauges_ServedAsPrometheusText()
    {
        MetricsRegistry.Get(Sys).Counter("edgeactors_test_total", "A test counter.", "kind").WithLabels("a").Inc(7);
        await using var server = await StartAsync();
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = Deadline };

        using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("edgeactors_test_total{kind=\"a\"} 7\n", body, StringComparison.Ordinal);
        Assert.Contains("# TYPE edgeactors_uptime_seconds gauge\n", body, StringComparison.Ordinal);
        Assert.Contains("edgeactors_dead_letters_total", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_PortInUse_Throws()
    {
        await using var first = await StartAsync();
        var port = first.Address.Port;

        await Assert.ThrowsAnyAsync<IOException>(() =>
            DiagnosticsServer.StartAsync(Sys, new IPEndPoint(IPAddress.Loopback, port)));
    }

    private Task<DiagnosticsServer> StartAsync() =>
        DiagnosticsServer.StartAsync(Sys, new IPEndPoint(IPAddress.Loopback, 0));
}
