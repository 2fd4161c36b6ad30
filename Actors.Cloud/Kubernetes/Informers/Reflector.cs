using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Models;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Kubernetes.Informers;

/// <summary>
/// client-go's reflector: list (paged), then watch from the list's resourceVersion with bookmarks.
/// A watch that ends is resumed from the last resourceVersion seen; 410 Gone (HTTP status or ERROR
/// event) relists; any other failure is reported and retried after an exponential, jittered backoff.
/// </summary>
internal sealed class Reflector<T>(
    ResourceClient<T> client,
    InformerOptions options,
    IReflectorSink<T> sink,
    TimeProvider time,
    ILogger logger,
    Func<double> random)
    where T : class
{
    private long _listRequests;
    private long _watchRequests;

    public long ListRequests => Interlocked.Read(ref _listRequests);

    public long WatchRequests => Interlocked.Read(ref _watchRequests);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new ExponentialBackoff(options.InitialBackoff, options.MaxBackoff, options.BackoffFactor, options.BackoffJitter, random);
        var needList = true;
        var goneInARow = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (needList)
                {
                    await ListAsync(cancellationToken).ConfigureAwait(false);
                    needList = false;
                }
                if (await WatchAsync(cancellationToken).ConfigureAwait(false))
                {
                    backoff.Reset();
                    goneInARow = 0;
                    continue;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (KubernetesApiException ex) when (ex.IsGone)
            {
                sink.ReportError(ex);
                InformerLog.Gone(logger, client.Type.Kind, sink.LastResourceVersion);
                needList = true;
                if (++goneInARow == 1)
                {
                    continue;
                }
            }
            catch (Exception ex) when (IsRecoverable(ex))
            {
                goneInARow = 0;
                if (!await ReportAndBackOffAsync(ex, backoff, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
                continue;
            }
            // A watch that ended without delivering anything, or a second 410 in a row: back off.
            if (!await DelayAsync(backoff.Next(), cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private static bool IsRecoverable(Exception ex)
        => ex is KubernetesApiException or HttpRequestException or WatchStreamException
            or IOException or InvalidDataException or TimeoutException or OperationCanceledException;

    private async Task<bool> ReportAndBackOffAsync(Exception error, ExponentialBackoff backoff, CancellationToken cancellationToken)
    {
        sink.ReportError(error);
        var delay = backoff.Next();
        InformerLog.Failed(logger, error, client.Type.Kind, delay);
        return await DelayAsync(delay, cancellationToken).ConfigureAwait(false);
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _listRequests);
        var list = await client.ListAllAsync(options.Namespace, new ListOptions
        {
            LabelSelector = options.LabelSelector,
            FieldSelector = options.FieldSelector,
            Limit = options.PageSize > 0 ? options.PageSize : null,
        }, cancellationToken).ConfigureAwait(false);
        sink.Replace(list.Items, list.ResourceVersion);
    }

    /// <summary>Watches until the stream ends; true if it delivered at least one event.</summary>
    private async Task<bool> WatchAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _watchRequests);
        var watchOptions = new ListOptions
        {
            LabelSelector = options.LabelSelector,
            FieldSelector = options.FieldSelector,
            ResourceVersion = sink.LastResourceVersion,
            AllowWatchBookmarks = true,
            TimeoutSeconds = (int)options.WatchTimeout.TotalSeconds,
        };
        var delivered = false;
        await using var stream = await client.WatchAsync(options.Namespace, watchOptions, cancellationToken).ConfigureAwait(false);
        await foreach (var watchEvent in stream.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (watchEvent.Type == WatchEventType.Error)
            {
                throw ApiErrorDecoder.FromStatus(watchEvent.ErrorStatus);
            }
            sink.Apply(watchEvent);
            delivered = true;
        }
        return delivered;
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
