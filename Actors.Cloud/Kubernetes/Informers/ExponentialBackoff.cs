namespace Actors.Cloud.Kubernetes.Informers;

/// <summary>
/// Reconnect delays: initial × factor^n capped at max, each multiplied by (1 + jitter × random[0,1)),
/// then capped at max again. Pure; the random source is injectable. Not thread-safe (one per loop).
/// </summary>
public sealed class ExponentialBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly double _factor;
    private readonly double _jitter;
    private readonly Func<double> _random;
    private TimeSpan _current;

    public ExponentialBackoff(TimeSpan initial, TimeSpan max, double factor, double jitter, Func<double> random)
    {
        _initial = initial;
        _max = max;
        _factor = factor;
        _jitter = jitter;
        _random = random;
        _current = initial;
    }

    public TimeSpan Next()
    {
        var jittered = _current * (1 + (_jitter * _random()));
        var delay = jittered > _max ? _max : jittered;
        var grown = _current * _factor;
        _current = grown > _max ? _max : grown;
        return delay;
    }

    public void Reset() => _current = _initial;
}
