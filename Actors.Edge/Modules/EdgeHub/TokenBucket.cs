namespace Actors.Edge.Modules.EdgeHub;

/// <summary>
/// The upstream rate limit (KubeEdge's <c>messageQPS</c>/<c>messageBurst</c> token bucket): holds up to
/// <paramref name="burst"/> tokens, refilled at <paramref name="ratePerSecond"/>, starting full. Time comes from the
/// given TimeProvider. Not thread-safe (owned by the EdgeHub actor).
/// </summary>
internal sealed class TokenBucket(double ratePerSecond, int burst, TimeProvider time)
{
    private double _tokens = burst;
    private long _last = time.GetTimestamp();

    /// <summary>Takes one token if one is available.</summary>
    public bool TryTake()
    {
        Refill();
        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }

    /// <summary>How long until a token is available (zero when one is).</summary>
    public TimeSpan UntilNext()
    {
        Refill();
        return _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / ratePerSecond);
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        var elapsed = time.GetElapsedTime(_last, now);
        _last = now;
        _tokens = Math.Min(burst, _tokens + (elapsed.TotalSeconds * ratePerSecond));
    }
}
