namespace Actors.Cloud.Tests.CloudHub.Security;

/// <summary>A TimeProvider whose clock only moves when the test says so (no timers needed here).</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public static ManualTime Now() => new(DateTimeOffset.UtcNow);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
