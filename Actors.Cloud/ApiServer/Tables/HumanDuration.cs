using System.Globalization;

namespace Actors.Cloud.ApiServer.Tables;

/// <summary>Short ages as kubectl prints them: 45s, 3m20s, 5h12m, 3d4h, 120d, 3y30d.</summary>
public static class HumanDuration
{
    public static string Format(TimeSpan d)
    {
        var s = (long)Math.Max(0, d.TotalSeconds);
        string F(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
        if (s < 120) return F($"{s}s");
        var m = s / 60;
        if (m < 10) return s % 60 == 0 ? F($"{m}m") : F($"{m}m{s % 60}s");
        if (m < 180) return F($"{m}m");
        var h = m / 60;
        if (h < 8) return m % 60 == 0 ? F($"{h}h") : F($"{h}h{m % 60}m");
        if (h < 48) return F($"{h}h");
        if (h < 24 * 8) return h % 24 == 0 ? F($"{h / 24}d") : F($"{h / 24}d{h % 24}h");
        if (h < 24 * 365 * 2) return F($"{h / 24}d");
        if (h < 24 * 365 * 8) return (h / 24) % 365 == 0 ? F($"{h / 24 / 365}y") : F($"{h / 24 / 365}y{(h / 24) % 365}d");
        return F($"{h / 24 / 365}y");
    }
}
