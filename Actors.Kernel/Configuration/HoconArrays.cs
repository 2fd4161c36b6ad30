using System.Globalization;

namespace Actors.Kernel.Configuration;

/// <summary>Numerically-indexed objects seen as arrays (spec: <c>foo.0 = a, foo.1 = b</c>).</summary>
internal static class HoconArrays
{
    /// <summary>
    /// Converts an object whose keys include non-negative integers to an array sorted by index
    /// (other keys ignored, gaps dropped); null for an empty object or one with no integer key.
    /// </summary>
    public static HoconArray? FromIndexedObject(HoconObject obj)
    {
        var indexed = new List<(long Index, HoconValue Value)>();
        foreach (var (key, value) in obj)
        {
            if (key.Length > 0 && key.All(char.IsAsciiDigit)
                && long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                indexed.Add((index, value));
            }
        }

        return indexed.Count == 0 ? null : new HoconArray(obj.Origin, indexed.OrderBy(p => p.Index).Select(p => p.Value));
    }
}
