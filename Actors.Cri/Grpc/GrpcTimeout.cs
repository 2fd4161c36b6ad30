using System.Globalization;

namespace Actors.Cri.Grpc;

/// <summary>
/// Encodes the <c>grpc-timeout</c> request header: at most 8 ASCII digits and a unit
/// (H, M, S, m, u, n). We pick the finest unit that fits, rounding up so the server never
/// sees a shorter deadline than ours.
/// </summary>
public static class GrpcTimeout
{
    /// <summary>The header name.</summary>
    public const string Header = "grpc-timeout";

    private const long MaxValue = 99_999_999;

    /// <summary>Formats <paramref name="timeout"/> (must be positive) as a header value.</summary>
    public static string Encode(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var ticks = timeout.Ticks;
        ReadOnlySpan<(long TicksPerUnit, char Unit)> units =
        [
            (0, 'n'),
            (TimeSpan.TicksPerMicrosecond, 'u'),
            (TimeSpan.TicksPerMillisecond, 'm'),
            (TimeSpan.TicksPerSecond, 'S'),
            (TimeSpan.TicksPerMinute, 'M'),
            (TimeSpan.TicksPerHour, 'H'),
        ];
        foreach (var (perUnit, unit) in units)
        {
            // One tick is 100 ns.
            var value = perUnit == 0 ? ticks * 100 : (ticks + perUnit - 1) / perUnit;
            if (perUnit == 0 && ticks > MaxValue / 100)
            {
                continue;
            }

            if (value <= MaxValue)
            {
                return value.ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }
}
