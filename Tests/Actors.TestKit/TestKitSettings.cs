using System.Globalization;

namespace Actors.TestKit;

/// <summary>
/// TestKit timing (Akka's <c>akka.test.*</c>): the time factor comes from the environment variable
/// <c>EDGEACTORS_TESTKIT_TIMEFACTOR</c> (default 1, must be &gt; 0) and scales every default timeout.
/// </summary>
public sealed record TestKitSettings
{
    public const string TimeFactorVariable = "EDGEACTORS_TESTKIT_TIMEFACTOR";

    /// <summary><c>akka.test.timefactor</c>.</summary>
    public double TimeFactor { get; init; } = 1.0;

    /// <summary><c>akka.test.single-expect-default</c> (3 s).</summary>
    public TimeSpan SingleExpectDefault { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary><c>akka.test.default-timeout</c> (5 s).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>akka.test.filter-leeway</c> (3 s).</summary>
    public TimeSpan FilterLeeway { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Reads the time factor from the environment.</summary>
    public static TestKitSettings FromEnvironment()
    {
        var raw = Environment.GetEnvironmentVariable(TimeFactorVariable);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new TestKitSettings();
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) || factor <= 0)
        {
            throw new ArgumentException(TimeFactorVariable + " must be a number > 0, was '" + raw + "'");
        }

        return new TestKitSettings { TimeFactor = factor };
    }

    /// <summary>Scales a duration by the time factor.</summary>
    public TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan ? duration : TimeSpan.FromTicks((long)(duration.Ticks * TimeFactor));
}
