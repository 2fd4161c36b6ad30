using System.Text;

namespace Actors.Edge.Modules.EventBus.Mqtt.Codec;

/// <summary>Topic name and topic filter rules (MQTT 3.1.1 section 4.7).</summary>
public static class MqttTopic
{
    private const int MaxBytes = 65535;

    /// <summary>A PUBLISH topic: non-empty, no wildcards, no U+0000, at most 65535 UTF-8 bytes.</summary>
    public static bool IsValidTopicName(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.Length == 0 || Encoding.UTF8.GetByteCount(topic) > MaxBytes)
        {
            return false;
        }

        return topic.AsSpan().IndexOfAny('+', '#', '\0') < 0;
    }

    /// <summary>A SUBSCRIBE filter: non-empty, '+' occupies a whole level, '#' is a whole last level.</summary>
    public static bool IsValidTopicFilter(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Length == 0 || filter.Contains('\0', StringComparison.Ordinal) || Encoding.UTF8.GetByteCount(filter) > MaxBytes)
        {
            return false;
        }

        for (var i = 0; i < filter.Length; i++)
        {
            var c = filter[i];
            if (c != '+' && c != '#')
            {
                continue;
            }

            var startsLevel = i == 0 || filter[i - 1] == '/';
            var endsLevel = i == filter.Length - 1 || filter[i + 1] == '/';
            if (!startsLevel || !endsLevel || (c == '#' && i != filter.Length - 1))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when <paramref name="topic"/> matches <paramref name="filter"/>. Topics starting with '$'
    /// are not matched by a filter whose first level is a wildcard (4.7.2).
    /// </summary>
    public static bool Matches(string filter, string topic)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(topic);
        if (topic.StartsWith('$') && (filter.StartsWith('+') || filter.StartsWith('#')))
        {
            return false;
        }

        var f = filter.AsSpan();
        var t = topic.AsSpan();
        while (true)
        {
            var fEnd = f.IndexOf('/');
            var fLevel = fEnd < 0 ? f : f[..fEnd];
            if (fLevel.SequenceEqual("#"))
            {
                return true;
            }

            var tEnd = t.IndexOf('/');
            var tLevel = tEnd < 0 ? t : t[..tEnd];
            if (!fLevel.SequenceEqual("+") && !fLevel.SequenceEqual(tLevel))
            {
                return false;
            }

            if (fEnd < 0 || tEnd < 0)
            {
                // "a/#" also matches "a" (the parent level).
                return fEnd < 0 && tEnd < 0 || (tEnd < 0 && f[(fEnd + 1)..].SequenceEqual("#"));
            }

            f = f[(fEnd + 1)..];
            t = t[(tEnd + 1)..];
        }
    }
}
