using System.Net;
using Actors.Cloud.ApiServer.Crd;
using Actors.Cloud.ApiServer.Discovery;
using Actors.Cloud.ApiServer.Http;
using Actors.Cloud.ApiServer.OpenApi;
using Actors.Cloud.ApiServer.Resources;
using Actors.Cloud.ApiServer.Storage;
using Actors.Cloud.ApiServer.Tables;
using Actors.Cloud.ApiServer.Watch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Cloud.ApiServer;

/// <summary>
/// A Kubernetes-compatible API server on SQLite, served over HTTPS with a generated CA and a bearer token.
/// On start it writes <c>&lt;data-dir&gt;/kubeconfig</c>; kubectl and client libraries work against it.
/// </summary>
public sealed class EmbeddedApiServer : IAsyncDisposable
{
    private static readonly string[] BootstrapNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    private readonly EmbeddedApiServerOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _time;
    private WebApplication? _app;
    private SqliteObjectStore? _store;
    private PodGcController? _podGc;
    private ServerCredentials? _credentials;

    public EmbeddedApiServer(EmbeddedApiServerOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>https://127.0.0.1:PORT once started.</summary>
    public Uri BaseUrl { get; private set; } = new("https://127.0.0.1/");

    public string KubeconfigPath => _options.KubeconfigPath;

    public string Token => _credentials?.Token ?? throw NotStarted();

    public string CaCertificatePem => _credentials?.CaPem ?? throw NotStarted();

    /// <summary>The object store (for in-process hosts and tests).</summary>
    public IObjectStore Store => _store ?? throw NotStarted();

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("the API server is already started");
        }

        Directory.CreateDirectory(_options.DataDir);
        _credentials = ServerCredentials.LoadOrCreate(_options.DataDir, _time);
        _store = new SqliteObjectStore(_options.DatabasePath, _options.EventWindow, _options.MaxQueuedEventsPerWatcher);
        var registry = new ResourceRegistry(BuiltinResources.All());
        var service = new ResourceService(_store, registry, new Admission(), _time);
        var crds = new CrdController(service);
        crds.LoadStored();
        Bootstrap(service, registry);
        if (_options.InstallBundledCrds)
        {
            crds.InstallBundled();
        }

        _podGc = new PodGcController(service, _time, PodGcController.DefaultQuarantine, _loggerFactory.CreateLogger<PodGcController>());
        _podGc.Start(PodGcController.DefaultPeriod);
        var app = BuildApp(service, crds, registry);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var host = _options.Listen.Address.Equals(IPAddress.Any) ? "127.0.0.1"
            : _options.Listen.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{_options.Listen.Address}]"
            : _options.Listen.Address.ToString();
        BaseUrl = new Uri($"https://{host}:{port}/");
        Kubeconfig.Write(_options.KubeconfigPath, BaseUrl.ToString().TrimEnd('/'), _credentials.CaPem, _credentials.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        var app = Interlocked.Exchange(ref _app, null);
        _podGc?.Dispose();
        _store?.Dispose();
        if (app is not null)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }

        _credentials?.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await StopAsync(cts.Token).ConfigureAwait(false);
    }

    private WebApplication BuildApp(ResourceService service, CrdController crds, ResourceRegistry registry)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_loggerFactory);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = null;
            k.AddServerHeader = false;
            k.Limits.Http2.MaxStreamsPerConnection = 1000; // one client multiplexes all its watches on one connection
            k.Listen(_options.Listen, l =>
            {
                l.Protocols = HttpProtocols.Http1AndHttp2;
                l.UseHttps(_credentials!.ServingCertificate);
            });
        });
        var app = builder.Build();
        var tables = new TableBuilder(_time);
        var watches = new WatchStreamer(_store!, tables, _options.BookmarkInterval);
        var endpoint = new ResourceEndpoint(service, tables, watches, crds, _options.MaxBodyBytes);
        var address = $"{_options.Listen.Address}:{_options.Listen.Port}";
        var handler = new ApiHandler(_credentials!, new DiscoveryDocuments(registry, address), new OpenApiBuilder(registry),
            endpoint, _loggerFactory.CreateLogger<ApiHandler>());
        app.Run(handler.HandleAsync);
        return app;
    }

    private static void Bootstrap(ResourceService service, ResourceRegistry registry)
    {
        var nsType = registry.Find(string.Empty, "v1", "namespaces")!;
        foreach (var ns in BootstrapNamespaces)
        {
            if (service.Store.Get(ResourceService.Key(nsType, null, ns)) is null)
            {
                service.Create(nsType, null, new System.Text.Json.Nodes.JsonObject
                {
                    ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = ns },
                }, new WriteOptions());
            }
        }
    }

    private static InvalidOperationException NotStarted() => new("the API server is not started");
}
