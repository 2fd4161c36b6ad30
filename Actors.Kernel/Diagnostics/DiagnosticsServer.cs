using System.Net;
using System.Text;
using Actors.Kernel.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
    public static async Task<DiagnosticsServer> StartAsync(ActorSystem system, IPEndPoint endpoint, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        KernelMetrics.Register(system);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.WebHost.ConfigureKestrel(k => k.Listen(endpoint));
        var app = builder.Build();
        var health = HealthRegistry.Get(system);
        var metrics = MetricsRegistry.Get(system);
        app.MapGet("/healthz", () => system.WhenTerminated.IsCompleted
            ? Results.Text("terminated\n", statusCode: 503)
            : Results.Text("ok\n"));
        app.MapGet("/readyz", (HttpRequest request) => Ready(health, request.Query.ContainsKey("verbose")));
        app.MapGet("/metrics", () => Results.Text(PrometheusText.Render(metrics), PrometheusText.ContentType, Encoding.UTF8));
        await app.StartAsync().ConfigureAwait(false);
        var server = new DiagnosticsServer(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is not null)
        {
            server.Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }

        return server;
    }

    /// <summary>Stops the endpoint.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
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
