using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Config;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Cloud.Tests.Kubernetes.Support;

/// <summary>
/// A Kestrel server on 127.0.0.1:0 whose answers are scripted by the test, to replay what a real API
/// server does (errors, paging, watch streams that drop, 410 Gone, bookmarks, throttling).
/// </summary>
internal sealed class ScriptedApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ScriptedWatch> _watches = Channel.CreateUnbounded<ScriptedWatch>();

    private ScriptedApiServer(WebApplication app, Uri address)
    {
        _app = app;
        BaseAddress = address;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static async Task<ScriptedApiServer> StartAsync(
        Func<RecordedRequest, HttpResponse, ScriptedApiServer, Task> handler, ServerTls? tls = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            if (tls is not null)
            {
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = tls.ServerCertificate,
                    ClientCertificateMode = tls.RequireClientCertificate ? ClientCertificateMode.RequireCertificate : ClientCertificateMode.NoCertificate,
                    ClientCertificateValidation = (cert, _, _) => tls.ValidateClient(cert),
                });
            }
        }));
        var app = builder.Build();
        ScriptedApiServer? server = null;
        app.Run(async context =>
        {
            var recorded = await RecordAsync(context);
            server!.Requests.Enqueue(recorded);
            await handler(recorded, context.Response, server);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new ScriptedApiServer(app, new Uri(address));
        return server;
    }

    public KubernetesClient CreateClient(KubernetesClientOptions? options = null, TimeProvider? time = null)
        => new(new KubernetesClientConfiguration { Server = BaseAddress }, options ?? Unlimited, time);

    /// <summary>Client options without client-side rate limiting (tests that are not about it).</summary>
    public static KubernetesClientOptions Unlimited { get; } = new() { Qps = 0 };

    /// <summary>Turns the current request into an open watch the test drives; completes when the test ends it.</summary>
    public async Task ServeWatchAsync(RecordedRequest request, HttpResponse response)
    {
        response.StatusCode = 200;
        response.ContentType = "application/json";
        await response.StartAsync();
        await response.Body.FlushAsync(); // headers go out at once, as a real API server does
        var watch = new ScriptedWatch(request, response);
        await _watches.Writer.WriteAsync(watch);
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (response.HttpContext.RequestAborted.Register(() => aborted.TrySetResult()))
        {
            await Task.WhenAny(watch.Ended, aborted.Task);
        }
    }

    public async Task<ScriptedWatch> NextWatchAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        return await _watches.Reader.ReadAsync(cts.Token);
    }

    public static async Task WriteJsonAsync(HttpResponse response, int code, string json, IDictionary<string, string>? headers = null)
    {
        response.StatusCode = code;
        response.ContentType = "application/json";
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            response.Headers[name] = value;
        }
        await response.WriteAsync(json);
    }

    public static Task WriteStatusAsync(HttpResponse response, int code, string reason, string message, IDictionary<string, string>? headers = null)
        => WriteJsonAsync(response, code,
            $"{{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{{}},\"status\":\"Failure\",\"message\":\"{message}\",\"reason\":\"{reason}\",\"code\":{code}}}",
            headers);

    public async ValueTask DisposeAsync()
    {
        _watches.Writer.TryComplete();
        while (_watches.Reader.TryRead(out var watch))
        {
            watch.End();
        }
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(stop.Token);
        }
        await _app.DisposeAsync();
    }

    private static async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = context.Request;
        return new RecordedRequest(
            request.Method,
            request.Path.Value ?? string.Empty,
            request.QueryString.Value ?? string.Empty,
            new QueryCollection(request.Query.ToDictionary(q => q.Key, q => q.Value)),
            new HeaderDictionary(request.Headers.ToDictionary(h => h.Key, h => h.Value)),
            request.ContentType ?? string.Empty,
            body.ToArray(),
            request.Protocol);
    }
}
