using System.Globalization;
using System.Text;

namespace Actors.Cri.Logs;

/// <summary>
/// Parses and formats CRI log records (pure, no I/O). The format, written by containerd, CRI-O
/// and our process runtime, is one record per line:
/// <c>2016-10-06T00:17:09.669794202Z stdout F the line</c>. The tag field may carry further
/// tags after a colon (<c>F:x</c>); only the first decides full or partial.
/// </summary>
public static class CriLogFormat
{
    private const int MaxFractionDigits = 7;

    /// <summary>Parses one record (without its newline). Returns false, with a reason, for malformed input.</summary>
    public static bool TryParse(string record, out CriLogLine? line, out string? error)
    {
        line = null;
        var timeEnd = record.IndexOf(' ', StringComparison.Ordinal);
        var streamEnd = timeEnd < 0 ? -1 : record.IndexOf(' ', timeEnd + 1);
        if (streamEnd < 0)
        {
            error = "expected '<time> <stream> <tag> <content>'";
            return false;
        }

        var tagEnd = record.IndexOf(' ', streamEnd + 1);
        var tagField = tagEnd < 0 ? record[(streamEnd + 1)..] : record[(streamEnd + 1)..tagEnd];
        var content = tagEnd < 0 ? string.Empty : record[(tagEnd + 1)..];
        if (!TryParseTime(record.AsSpan(0, timeEnd), out var time))
        {
            error = $"invalid time stamp '{record[..timeEnd]}'";
            return false;
        }

        CriLogStream? stream = record.AsSpan(timeEnd + 1, streamEnd - timeEnd - 1) switch
        {
            "stdout" => CriLogStream.Stdout,
            "stderr" => CriLogStream.Stderr,
            _ => null,
        };
        var tag = tagField.Split(':')[0];
        if (stream is null || tag is not ("F" or "P"))
        {
            error = stream is null ? "stream must be stdout or stderr" : $"tag must be F or P, got '{tagField}'";
            return false;
        }

        error = null;
        line = new CriLogLine(time, stream.Value, tag == "P", content);
        return true;
    }

    /// <summary>Parses an RFC 3339 time stamp with up to 9 fraction digits (e.g. 2016-10-06T00:17:09.669794202Z).</summary>
    public static bool TryParseTime(ReadOnlySpan<char> text, out DateTimeOffset time)
    {
        var value = text.ToString();
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var end = dot + 1;
            while (end < value.Length && char.IsAsciiDigit(value[end]))
            {
                end++;
            }

            var digits = end - dot - 1;
            if (digits == 0)
            {
                time = default;
                return false;
            }

            value = value[..(dot + 1 + Math.Min(digits, MaxFractionDigits))] + value[end..];
        }

        return DateTimeOffset.TryParseExact(
            value, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal, out time) && (value.EndsWith('Z') || HasOffset(value));
    }

    /// <summary>Formats a time stamp as RFC 3339 in UTC with 9 fraction digits, as containerd does.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00Z";

    /// <summary>Formats one record, newline included.</summary>
    public static string Format(DateTimeOffset time, CriLogStream stream, bool partial, string content)
    {
        var builder = new StringBuilder(content.Length + 48);
        builder.Append(FormatTime(time)).Append(' ')
            .Append(stream == CriLogStream.Stdout ? "stdout" : "stderr").Append(' ')
            .Append(partial ? 'P' : 'F').Append(' ')
            .Append(content).Append('\n');
        return builder.ToString();
    }

    private static bool HasOffset(string value) =>
        value.Length > 6 && value[^3] == ':' && value[^6] is '+' or '-';
}
