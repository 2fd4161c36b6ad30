namespace Actors.Cri.Runtime.Process;

/// <summary>CRI time stamps: nanoseconds since the Unix epoch.</summary>
internal static class UnixNanos
{
    public static long Now(TimeProvider time) =>
        (time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
}
