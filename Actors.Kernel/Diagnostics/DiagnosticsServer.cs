using System.Net;
using System.Text;
using Actors.Kernel.Actor;
using Actors.Kernel.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Actors.Kernel.Diagnostics;

/// <summary>
/// A host's local HTTP endpoint: <c>/healthz</c> (200 while the actor system runs), <c>/readyz</c> (200 when every
/// component in <see cref="HealthRegistry"/> is ready, else 503; <c>?verbose</c> lists them) and <c>/metrics</c>
/// (Prometheus text of <see cref="MetricsRegistry"/> plus the kernel's own gauges).
/// </summary>
public sealed class DiagnosticsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DiagnosticsServer(WebApplication app) => _app = app;

    /// <summary>The bound address (useful with port 0).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts serving <paramref name="system"/>'s health and metrics on <paramref name="endpoint"/>.</summary>
    public static async Task<DiagnosticsServer> StartAsync(ActorSystem system, IPEndPoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(endpoint);
        KernelMetrics.Register(system);
        var health = HealthRegistry.Get(system);
        var metrics = MetricsRegistry.Get(system);
        var (app, address) = await LoopbackWebApp.StartAsync(endpoint, app =>
        {
            app.MapGet("/healthz", () => system.WhenTerminated.IsCompleted
                ? Results.Text("terminated\n", statusCode: 503)
                : Results.Text("ok\n"));
            app.MapGet("/readyz", (HttpRequest request) => Ready(health, request.Query.ContainsKey("verbose")));
            app.MapGet("/metrics", () => Results.Text(PrometheusText.Render(metrics), PrometheusText.ContentType, Encoding.UTF8));
        }).ConfigureAwait(false);
        return new DiagnosticsServer(app) { Address = address };
    }

    /// <summary>Stops the endpoint.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // Stopping at process exit: the host is already shutting down; nothing is left to release.
        }
    }

    private static IResult Ready(HealthRegistry health, bool verbose)
    {
        var entries = health.Entries;
        var ready = entries.All(e => e.Ready);
        var sb = new StringBuilder();
        if (verbose)
        {
            foreach (var e in entries)
            {
                sb.Append(e.Ready ? "[+] " : "[-] ").Append(e.Component).Append(e.Ready ? " ok" : " not ready").Append(string.IsNullOrEmpty(e.Detail) ? string.Empty : ": " + e.Detail).Append('\n');
            }
        }

        sb.Append(ready ? "ok\n" : "not ready: " + string.Join(", ", entries.Where(e => !e.Ready).Select(e => e.Component)) + "\n");
        return Results.Text(sb.ToString(), statusCode: ready ? 200 : 503);
    }
}
