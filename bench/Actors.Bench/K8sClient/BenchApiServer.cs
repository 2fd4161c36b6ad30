using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Bench.K8sClient;

/// <summary>
/// A minimal pods API on 127.0.0.1:0 for the benchmark: paged list, get by name, and watches into
/// which <see cref="EmitModificationsAsync"/> pushes one MODIFIED event per pod. Counts requests.
/// </summary>
internal sealed class BenchApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string[] _names;
    private readonly ConcurrentDictionary<string, byte[]> _pods = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<HttpResponse> _watches = [];
    private readonly TaskCompletionSource _stop = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _requests;
    private int _version = 1000;

    private BenchApiServer(WebApplication app, int pods, int nodes)
    {
        _app = app;
        _names = Enumerable.Range(0, pods).Select(i => $"pod-{i:D5}").ToArray();
        for (var i = 0; i < pods; i++)
        {
            _pods[_names[i]] = PodJson(_names[i], $"node-{i % nodes:D4}", i + 1);
        }
    }

    public Uri BaseAddress { get; private set; } = null!;

    public long Requests => Interlocked.Read(ref _requests);

    public int OpenWatches => _watches.Count;

    /// <summary>The resourceVersion of the last change made.</summary>
    public string LatestVersion => Volatile.Read(ref _version).ToString(CultureInfo.InvariantCulture);

    public static async Task<BenchApiServer> StartAsync(int pods, int nodes)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new BenchApiServer(app, pods, nodes);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Changes every pod once (new resourceVersion) and streams a MODIFIED event for each to every watch.</summary>
    public async Task EmitModificationsAsync()
    {
        var lines = new List<byte[]>(_names.Length);
        foreach (var name in _names)
        {
            var pod = _pods[name];
            var text = Encoding.UTF8.GetString(pod);
            var rv = Interlocked.Increment(ref _version);
            var changed = Encoding.UTF8.GetBytes(ReplaceVersion(text, rv));
            _pods[name] = changed;
            lines.Add([.. "{\"type\":\"MODIFIED\",\"object\":"u8, .. changed, .. "}\n"u8]);
        }
        foreach (var watch in _watches)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                await watch.Body.WriteAsync(lines[i]);
                if (i % 200 == 199)
                {
                    await watch.Body.FlushAsync();
                }
            }
            await watch.Body.FlushAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.TrySetResult();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var path = context.Request.Path.Value ?? string.Empty;
        var query = context.Request.Query;
        context.Response.ContentType = "application/json";
        if (path == "/api/v1/pods" && query["watch"] == "true")
        {
            await context.Response.StartAsync();
            await context.Response.Body.FlushAsync();
            _watches.Add(context.Response);
            await Task.WhenAny(_stop.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
            return;
        }
        if (path == "/api/v1/pods")
        {
            await WriteListPageAsync(context.Response, query["limit"], query["continue"]);
            return;
        }
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (_pods.TryGetValue(name, out var pod))
        {
            await context.Response.Body.WriteAsync(pod);
            return;
        }
        context.Response.StatusCode = 404;
        await context.Response.WriteAsync("{\"kind\":\"Status\",\"code\":404,\"reason\":\"NotFound\"}");
    }

    private async Task WriteListPageAsync(HttpResponse response, string? limitText, string? continueText)
    {
        var start = int.TryParse(continueText, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var limit = int.TryParse(limitText, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : _names.Length;
        var end = Math.Min(_names.Length, start + limit);
        var more = end < _names.Length ? $",\"continue\":\"{end}\"" : string.Empty;
        await response.WriteAsync($"{{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{{\"resourceVersion\":\"{_version}\"{more}}},\"items\":[");
        for (var i = start; i < end; i++)
        {
            if (i > start)
            {
                await response.Body.WriteAsync(","u8.ToArray());
            }
            await response.Body.WriteAsync(_pods[_names[i]]);
        }
        await response.WriteAsync("]}");
    }

    private static string ReplaceVersion(string json, int rv)
    {
        const string marker = "\"resourceVersion\":\"";
        var at = json.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var end = json.IndexOf('"', at);
        return string.Concat(json.AsSpan(0, at), rv.ToString(CultureInfo.InvariantCulture), json.AsSpan(end));
    }

    private static byte[] PodJson(string name, string node, int rv) => Encoding.UTF8.GetBytes(
        $"{{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{{\"name\":\"{name}\",\"namespace\":\"default\",\"uid\":\"uid-{name}\","
        + $"\"resourceVersion\":\"{rv}\",\"labels\":{{\"app\":\"bench\"}}}},\"spec\":{{\"nodeName\":\"{node}\",\"restartPolicy\":\"Always\","
        + "\"containers\":[{\"name\":\"app\",\"image\":\"busybox:1.36\",\"command\":[\"sh\",\"-c\",\"sleep 3600\"],"
        + "\"env\":[{\"name\":\"MODE\",\"value\":\"edge\"}],\"resources\":{\"requests\":{\"cpu\":\"10m\",\"memory\":\"16Mi\"}}}]},"
        + "\"status\":{\"phase\":\"Running\",\"podIP\":\"10.1.0.1\",\"qosClass\":\"Burstable\"}}");
}
