using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Config;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Cloud.Modules.EdgeController;

/// <summary>
/// Gives the controllers one shared <see cref="KubernetesClient"/> once the API server answers. With a configured
/// kubeconfig that is the configured server; with the embedded server it is the kubeconfig the server writes to
/// <c>&lt;data-dir&gt;/kubeconfig</c> when it is up. A missing, stale (from an earlier run) or unreachable kubeconfig
/// is re-read and re-probed with a capped backoff until a request succeeds or the source is disposed.
/// </summary>
public sealed partial class ApiClientSource : IDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(5);
    /// <summary>Pass as the kubeconfig path to use the pod's service account (in-cluster configuration) instead of a file.</summary>
    public const string InCluster = "<in-cluster>";
    private readonly string _kubeconfigPath;
    private readonly KubernetesClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private KubernetesClient? _client;
    private bool _disposed;

    public ApiClientSource(string kubeconfigPath, KubernetesClientOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kubeconfigPath);
        _kubeconfigPath = kubeconfigPath;
        _options = options ?? new KubernetesClientOptions();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The kubeconfig this source reads.</summary>
    public string KubeconfigPath => _kubeconfigPath;

    /// <summary>
    /// Completes with the shared client once the server answered. The caller's token stops the waiting (no polling
    /// goes on for a caller that left); concurrent callers may probe in parallel, the first client wins.
    /// </summary>
    public async Task<KubernetesClient> GetAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_client is not null)
            {
                return _client;
            }
        }

        var client = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (_disposed)
            {
                client.Dispose();
                throw new ObjectDisposedException(nameof(ApiClientSource));
            }

            if (_client is not null)
            {
                client.Dispose();
                return _client;
            }

            _client = client;
            return client;
        }
    }

    /// <summary>Disposes the shared client (the controllers using it must have stopped).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _client?.Dispose();
            _client = null;
        }
    }

    private async Task<KubernetesClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var delay = FirstRetry;
        var attempt = 0;
        while (true)
        {
            attempt++;
            var client = await TryConnectAsync(attempt, cancellationToken).ConfigureAwait(false);
            if (client is not null)
            {
                LogConnected(_logger, client.Configuration.Server, _kubeconfigPath);
                return client;
            }

            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetry.Ticks));
        }
    }

    private async Task<KubernetesClient?> TryConnectAsync(int attempt, CancellationToken cancellationToken)
    {
        if (_kubeconfigPath != InCluster && !File.Exists(_kubeconfigPath))
        {
            LogWaiting(_logger, _kubeconfigPath, "the file does not exist yet", attempt);
            return null;
        }

        KubernetesClient? client = null;
        try
        {
            var configuration = _kubeconfigPath == InCluster
                ? InClusterConfigLoader.Load(Environment.GetEnvironmentVariable, time: _time)
                : KubeConfigLoader.Load(_kubeconfigPath, time: _time);
            client = new KubernetesClient(configuration, _options, _time);
            await client.Resource(KnownResources.Namespaces)
                .ListAsync(null, new ListOptions { Limit = 1 }, cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch (Exception e) when (e is KubeConfigException or KubernetesApiException or HttpRequestException or IOException
            or TimeoutException or System.Security.Authentication.AuthenticationException)
        {
            client?.Dispose();
            LogWaiting(_logger, _kubeconfigPath, e.Message, attempt);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "controllers use the Kubernetes API at {Server} (kubeconfig {Path})")]
    private static partial void LogConnected(ILogger logger, Uri server, string path);

    [LoggerMessage(Level = LogLevel.Debug, Message = "waiting for the Kubernetes API (kubeconfig {Path}): {Problem} (attempt {Attempt})")]
    private static partial void LogWaiting(ILogger logger, string path, string problem, int attempt);
}
