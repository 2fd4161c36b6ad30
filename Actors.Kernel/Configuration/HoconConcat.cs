using System.Text;

namespace Actors.Kernel.Configuration;

/// <summary>Value concatenation: strings join, arrays append, objects merge.</summary>
internal static class HoconConcat
{
    /// <summary>
    /// Joins concatenated pieces (null = undefined optional substitution). Returns null when
    /// every non-whitespace piece is undefined.
    /// </summary>
    public static HoconValue? Join(IReadOnlyList<HoconValue?> parts, ConfigOrigin origin, string source, bool resolved = false)
    {
        var real = parts.Where(p => p is not HoconScalar { IsUnquotedWhitespace: true }).ToList();
        if (real.TrueForAll(p => p is null))
        {
            return null;
        }

        if (real.Exists(p => p is HoconArray))
        {
            var items = new List<HoconValue>();
            foreach (var part in real.Where(p => p is not null))
            {
                var array = part as HoconArray ?? (part is HoconObject o ? HoconArrays.FromIndexedObject(o) : null)
                    ?? throw Mismatch(part!, "an array", source);
                items.AddRange(array);
            }

            return new HoconArray(origin, items);
        }

        if (real.Exists(p => p is HoconObject))
        {
            HoconObject? result = null;
            foreach (var part in real.Where(p => p is not null))
            {
                if (part is not HoconObject o)
                {
                    throw Mismatch(part!, "an object", source);
                }

                result = result is null ? o : resolved ? MergeResolved(result, o) : (HoconObject)HoconMerge.Merge(result, o);
            }

            return result!;
        }

        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is HoconScalar s)
            {
                sb.Append(s.Text);
            }
        }

        return HoconScalar.String(sb.ToString(), origin);
    }

    /// <summary>Merges two resolved objects without mutating either (newer wins, objects merge).</summary>
    public static HoconObject MergeResolved(HoconObject older, HoconObject newer)
    {
        var result = new HoconObject(newer.Origin);
        foreach (var (k, v) in older)
        {
            result.Set(k, v);
        }

        foreach (var (k, v) in newer)
        {
            result.Set(k, result.TryGetValue(k, out var old) && old is HoconObject oo && v is HoconObject no ? MergeResolved(oo, no) : v);
        }

        return result;
    }

    private static ConfigurationException Mismatch(HoconValue part, string expected, string source)
    {
        var found = part.Type switch
        {
            HoconValueType.String when part is HoconScalar s && s.Text.Trim().Length == 0 => "quoted whitespace",
            HoconValueType.Object => "an object",
            HoconValueType.Array => "an array",
            _ => "a " + part.Type.ToString().ToLowerInvariant(),
        };
        return new ConfigurationException(part.Origin.Description == "string" ? source : part.Origin.Description, part.Origin.Line, 0,
            $"cannot concatenate {found} with {expected}: all pieces of a concatenation must be strings, all arrays, or all objects");
    }
}
