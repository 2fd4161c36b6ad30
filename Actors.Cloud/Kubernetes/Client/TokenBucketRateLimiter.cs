namespace Actors.Cloud.Kubernetes.Client;

/// <summary>
/// Client-side token bucket (client-go's flowcontrol): <c>burst</c> tokens, refilled at <c>qps</c> per
/// second. Each waiter reserves a token at once (the bucket may go negative) and waits until its
/// token is due, so waiters are served in arrival order. All time comes from the TimeProvider.
/// </summary>
public sealed class TokenBucketRateLimiter
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly double _qps;
    private readonly int _burst;
    private double _tokens;
    private long _lastTimestamp;

    public TokenBucketRateLimiter(double qps, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _qps = qps;
        _burst = burst;
        _time = time;
        _tokens = burst;
        _lastTimestamp = time.GetTimestamp();
    }

    /// <summary>Takes a token if one is available now, without waiting.</summary>
    public bool TryAcquire()
    {
        lock (_lock)
        {
            Refill();
            if (_tokens < 1)
            {
                return false;
            }
            _tokens -= 1;
            return true;
        }
    }

    /// <summary>Waits until a token is available. A cancelled wait gives its token back.</summary>
    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        TimeSpan delay;
        lock (_lock)
        {
            Refill();
            _tokens -= 1;
            if (_tokens >= 0)
            {
                return ValueTask.CompletedTask;
            }
            delay = TimeSpan.FromSeconds(-_tokens / _qps);
        }
        return new ValueTask(DelayAsync(delay, cancellationToken));
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                _tokens += 1;
            }
            throw;
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastTimestamp, now);
        _lastTimestamp = now;
        _tokens = Math.Min(_burst, _tokens + (elapsed.TotalSeconds * _qps));
    }
}
