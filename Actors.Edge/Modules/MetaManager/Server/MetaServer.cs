using System.Net;
using Actors.Kernel.Actor;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Actors.Edge.Modules.MetaManager.Server;

/// <summary>
/// MetaServer: plain HTTP on loopback serving get/list/watch of the node's pods, configmaps, secrets, services and
/// nodes in Kubernetes core/v1 JSON from the local store (through the MetaManager actor), plus the discovery documents
/// kubectl reads first. Read-only: other verbs get 405.
/// </summary>
public sealed class MetaServer : IAsyncDisposable
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);
    private readonly IPEndPoint _endpoint;
    private readonly IActorRef _owner;
    private readonly ILogger _log;
    private WebApplication? _app;

    public MetaServer(IPEndPoint endpoint, IActorRef owner, ILogger log)
    {
        (_endpoint, _owner, _log) = (endpoint, owner, log);
    }

    /// <summary>http://127.0.0.1:PORT/ once started.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(_endpoint);
        });
        var app = builder.Build();
        app.Map("/{**path}", HandleAsync);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = new Uri($"http://{_endpoint.Address}:{new Uri(address).Port}/");
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _app, null) is { } app)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await app.StopAsync(cts.Token);
            await app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            await Respond(http, 405, KubeJson.Status(405, "MethodNotAllowed", "the metaserver is read-only"));
            return;
        }

        var path = http.Request.Path.Value ?? "/";
        if (Discovery.Document(path) is { } doc)
        {
            await Respond(http, 200, doc);
            return;
        }

        if (!MetaServerPath.TryParse(path, out var target, out var problem))
        {
            _log.LogWarning("MetaServer rejected GET {Path}: {Problem}", path, problem);
            await Respond(http, 404, KubeJson.Status(404, "NotFound", problem));
            return;
        }

        try
        {
            await ServeAsync(http, target);
        }
        catch (Exception e) when (e is AskTimeoutException or TimeoutException or InvalidOperationException)
        {
            _log.LogWarning("MetaServer GET {Path} failed: {Error}", path, e.Message);
            await Respond(http, 503, KubeJson.Status(503, "ServiceUnavailable", e.Message));
        }
    }

    private async Task ServeAsync(HttpContext http, MetaServerPath target)
    {
        var kind = target.Resource.Kind;
        if (target.Name is { } name)
        {
            var obj = await _owner.Ask<MetaServerObject>(new MetaServerGet($"{target.Namespace ?? "null"}/{target.Resource.Type}/{name}"), AskTimeout);
            await (obj.Value is { } v
                ? Respond(http, 200, System.Text.Encoding.UTF8.GetBytes(KubeJson.WithTypeMeta(v, kind)))
                : Respond(http, 404, KubeJson.Status(404, "NotFound", $"{target.Resource.Plural} \"{name}\" not found")));
            return;
        }

        ObjectFilter filter;
        try
        {
            filter = ObjectFilter.Parse(http.Request.Query["labelSelector"].FirstOrDefault(), http.Request.Query["fieldSelector"].FirstOrDefault());
        }
        catch (FormatException e)
        {
            await Respond(http, 400, KubeJson.Status(400, "BadRequest", e.Message));
            return;
        }

        var ns = target.Resource.Namespaced ? target.Namespace : null;
        if (http.Request.Query["watch"] is { Count: > 0 } w && w[0] is "true" or "1")
        {
            var skipInitial = http.Request.Query["resourceVersion"] is { Count: > 0 } rv && rv[0] is { Length: > 0 } s && s != "0";
            await WatchAsync(http, target, ns, skipInitial, filter);
            return;
        }

        var list = await _owner.Ask<MetaServerObjects>(new MetaServerList(target.Resource.Type, ns), AskTimeout);
        await Respond(http, 200, KubeJson.List(kind, [.. list.Values.Where(filter.Matches)]));
    }

    private async Task WatchAsync(HttpContext http, MetaServerPath target, string? ns, bool skipInitial, ObjectFilter filter)
    {
        var watch = await _owner.Ask<MetaServerWatch>(new MetaServerWatchRequest(target.Resource.Type, ns), AskTimeout);
        using var subscription = watch.Subscription;
        var view = new ObjectFilter.WatchState(filter);
        var initial = view.Initial(watch.Current).ToList();
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json";
        var body = http.Response.Body;
        var abort = http.RequestAborted;
        try
        {
            if (!skipInitial)
            {
                foreach (var value in initial)
                {
                    await WriteLine(body, KubeJson.Event(WatchChange.Added, target.Resource.Kind, value), abort);
                }
            }

            await body.FlushAsync(abort);
            await foreach (var change in subscription.Reader.ReadAllAsync(abort))
            {
                if (view.Translate(change.Type, change.Resource.ToString(), change.Value) is { } type)
                {
                    await WriteLine(body, KubeJson.Event(type, target.Resource.Kind, change.Value), abort);
                }
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static async Task WriteLine(Stream body, byte[] json, CancellationToken ct)
    {
        await body.WriteAsync(json, ct);
        await body.WriteAsync("\n"u8.ToArray(), ct);
        await body.FlushAsync(ct);
    }

    private static async Task Respond(HttpContext http, int status, byte[] json)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(json);
    }
}
