namespace Actors.Edge.Modules.EdgeHub.Connection;

/// <summary>
/// Jittered exponential backoff of reconnect attempts: attempt n (0-based) waits a uniformly random time in
/// [d/2, d] with d = min(max, min·2ⁿ) ("equal jitter": never less than half the nominal delay, so a crowd of edges
/// that lost the cloud at the same moment spreads out without reconnecting in a burst).
/// </summary>
internal static class ReconnectBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan min, TimeSpan max, double unitRandom)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt, 0, 30));
        var ceiling = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * factor);
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Math.Clamp(unitRandom, 0.0, 1.0) * 0.5)));
    }
}
