using System.Globalization;
using System.Text;

namespace Actors.Kernel.Configuration;

/// <summary>
/// Java <c>.properties</c> → HOCON object: keys split on every '.', values are strings, and when a
/// key is both a value and a parent the object wins.
/// </summary>
internal static class PropertiesParser
{
    public static HoconObject Parse(string text, ConfigOrigin origin)
    {
        var root = new HoconObject(origin.AtLine(1));
        foreach (var (line, logical) in LogicalLines(text))
        {
            var (key, value) = SplitEntry(logical);
            var lineOrigin = origin.AtLine(line);
            var path = key.Split('.');
            if (path.Length > HoconPath.MaxElements)
            {
                throw new ConfigurationException(origin.Description, line, 1, $"key has more than {HoconPath.MaxElements} elements");
            }

            var target = root;
            for (var i = 0; i < path.Length - 1; i++)
            {
                if (!target.TryGetValue(path[i], out var child) || child is not HoconObject childObject)
                {
                    childObject = new HoconObject(lineOrigin);
                    target.Set(path[i], childObject);
                }

                target = childObject;
            }

            var last = path[^1];
            if (!(target.TryGetValue(last, out var existing) && existing is HoconObject))
            {
                target.Set(last, HoconScalar.String(value, lineOrigin));
            }
        }

        return root;
    }

    private static IEnumerable<(int Line, string Text)> LogicalLines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var first = i;
            var line = lines[i].TrimStart(' ', '\t', '\f', '\uFEFF');
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            var sb = new StringBuilder();
            while (EndsWithContinuation(line) && i + 1 < lines.Length)
            {
                sb.Append(line, 0, line.Length - 1);
                line = lines[++i].TrimStart(' ', '\t', '\f');
            }

            sb.Append(EndsWithContinuation(line) ? line[..^1] : line);
            yield return (first + 1, sb.ToString());
        }
    }

    private static bool EndsWithContinuation(string line)
    {
        var count = 0;
        for (var i = line.Length - 1; i >= 0 && line[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }

    private static (string Key, string Value) SplitEntry(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] is not ('=' or ':' or ' ' or '\t' or '\f'))
        {
            i += line[i] == '\\' ? 2 : 1;
        }

        var keyEnd = Math.Min(i, line.Length);
        while (i < line.Length && line[i] is ' ' or '\t' or '\f')
        {
            i++;
        }

        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
        }

        while (i < line.Length && line[i] is ' ' or '\t' or '\f')
        {
            i++;
        }

        return (Unescape(line[..keyEnd]), Unescape(line[Math.Min(i, line.Length)..]));
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length)
            {
                sb.Append(s[i]);
                continue;
            }

            var c = s[++i];
            if (c == 'u' && i + 4 < s.Length + 0 && int.TryParse(s.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                sb.Append((char)code);
                i += 4;
                continue;
            }

            sb.Append(c switch { 't' => '\t', 'n' => '\n', 'r' => '\r', 'f' => '\f', _ => c });
        }

        return sb.ToString();
    }
}
