namespace Actors.Edge.Modules.EventBus.Mqtt.Client;

/// <summary>Exponential backoff with jitter: attempt n waits a random time in [d/2, d], d = min(max, min·2ⁿ).</summary>
internal static class ReconnectBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan min, TimeSpan max, Random random)
    {
        var factor = Math.Pow(2, Math.Min(attempt, 30));
        var ceiling = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * factor);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (random.NextDouble() * 0.5)));
    }
}
