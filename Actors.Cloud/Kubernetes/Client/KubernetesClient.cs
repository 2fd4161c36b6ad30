using System.Globalization;
using System.Net.Http.Headers;
using Actors.Cloud.Kubernetes.Config;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Actors.Cloud.Kubernetes.Client;

/// <summary>
/// The transport of every API call: authentication, client-side rate limiting, request timeouts,
/// Retry-After handling and error decoding. Typed access goes through <see cref="Resource{T}"/>.
/// Thread-safe; share one per API server.
/// </summary>
public sealed class KubernetesClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly KubernetesClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TokenBucketRateLimiter? _limiter;
    private readonly string _server;
    private long _requestCount;

    public KubernetesClient(
        KubernetesClientConfiguration configuration,
        KubernetesClientOptions? options = null,
        TimeProvider? time = null,
        ILogger<KubernetesClient>? logger = null,
        HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _options = options ?? new KubernetesClientOptions();
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }
        Configuration = configuration;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _limiter = _options.Qps > 0 ? new TokenBucketRateLimiter(_options.Qps, _options.Burst, _time) : null;
        _server = configuration.Server.ToString().TrimEnd('/');
        _http = new HttpClient(handler ?? HttpHandlerFactory.Create(configuration), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public KubernetesClientConfiguration Configuration { get; }

    /// <summary>Requests sent to the server so far (each retry counts).</summary>
    public long RequestCount => Interlocked.Read(ref _requestCount);

    public ResourceClient<T> Resource<T>(ResourceType<T> type)
        where T : class
        => new(this, type);

    /// <summary>
    /// Sends a request and returns the body of its 2xx response; errors throw <see cref="KubernetesApiException"/>.
    /// 429 and 5xx answers with Retry-After are retried after that delay (up to MaxRetries), as client-go does.
    /// </summary>
    public async Task<byte[]> SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await SendCoreAsync(request, linked.Token).ConfigureAwait(false);
            return await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{request} did not complete within {_options.RequestTimeout}");
        }
    }

    /// <summary>Sends a request and returns its 2xx response with the body unread (watch streams). The caller disposes it.</summary>
    public Task<HttpResponseMessage> OpenStreamAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendCoreAsync(request, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendCoreAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var refreshedToken = false;
        var forceRefresh = false;
        for (var attempt = 1; ; attempt++)
        {
            if (_limiter is not null)
            {
                await _limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            using var message = BuildMessage(request, forceRefresh);
            forceRefresh = false;
            var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            Interlocked.Increment(ref _requestCount);
            if (response.IsSuccessStatusCode)
            {
                return response;
            }
            using (response)
            {
                var code = (int)response.StatusCode;
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                if (code == 401 && !refreshedToken && Configuration.Token is FileTokenSource)
                {
                    refreshedToken = true;
                    forceRefresh = true;
                    KubernetesClientLog.RefreshingToken(_logger, request);
                    continue;
                }
                var retryAfter = RetryAfter(response);
                if (retryAfter is { } delay && (code == 429 || code >= 500) && attempt <= _options.MaxRetries)
                {
                    KubernetesClientLog.RetryAfter(_logger, request, code, delay, attempt);
                    await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                throw ApiErrorDecoder.Decode(code, body);
            }
        }
    }

    private HttpRequestMessage BuildMessage(ApiRequest request, bool forceTokenRefresh)
    {
        var message = new HttpRequestMessage(request.Method, _server + request.PathAndQuery)
        {
            Version = _options.HttpVersion,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.UserAgent.ParseAdd(_options.UserAgent);
        if (Configuration.Token is { } tokenSource)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokenSource.GetToken(forceTokenRefresh));
        }
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType ?? "application/json");
        }
        return message;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? delay = null;
        if (header?.Delta is { } delta)
        {
            delay = delta;
        }
        else if (header?.Date is { } date)
        {
            delay = date - _time.GetUtcNow();
        }
        else if (response.Headers.TryGetValues("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            delay = TimeSpan.FromSeconds(seconds);
        }
        if (delay is null)
        {
            return null;
        }
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _options.MaxRetryAfter ? _options.MaxRetryAfter : delay;
    }
}
