using System.Globalization;
using Actors.Kernel.Configuration;

namespace Actors.Kernel.Tests.Configuration;

/// <summary>Helpers: conformance folder lookup, tree equality, in-memory include loader.</summary>
internal static class HoconTestSupport
{
    /// <summary>../shared/conformance/hocon relative to the repository root, or null when absent.</summary>
    public static string? ConformanceDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EdgeActors.sln")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            return null;
        }

        var path = Path.Combine(dir.Parent.FullName, "shared", "conformance", "hocon");
        return Directory.Exists(path) ? path : null;
    }

    public const string MissingConformance = "../shared/conformance/hocon is absent: HOCON conformance cases skipped";

    public static Config Parse(string text, Func<string, string?>? env = null) => ConfigurationFactory.ParseString(text, new MemoryIncludeLoader(), env);

    /// <summary>Parses and returns the error message (fails when parsing succeeds).</summary>
    public static ConfigurationException Fails(string text, IHoconIncludeLoader? loader = null) =>
        Assert.Throws<ConfigurationException>(() => ConfigurationFactory.ParseString(text, loader ?? new MemoryIncludeLoader()));

    /// <summary>Structural equality: numbers by value, objects unordered, arrays ordered.</summary>
    public static bool TreeEquals(HoconValue a, HoconValue b)
    {
        switch (a, b)
        {
            case (HoconObject oa, HoconObject ob):
                return oa.Count == ob.Count && oa.All(p => ob.TryGetValue(p.Key, out var v) && TreeEquals(p.Value, v));
            case (HoconArray aa, HoconArray ab):
                return aa.Count == ab.Count && aa.Zip(ab).All(p => TreeEquals(p.First, p.Second));
            case (HoconScalar sa, HoconScalar sb) when sa.Type == HoconValueType.Number && sb.Type == HoconValueType.Number:
                return double.Parse(sa.Text, CultureInfo.InvariantCulture) == double.Parse(sb.Text, CultureInfo.InvariantCulture);
            case (HoconScalar sa, HoconScalar sb):
                return sa.Type == sb.Type && sa.Text == sb.Text;
            default:
                return false;
        }
    }

    public static void AssertTreeEqual(HoconValue expected, HoconValue actual, string because)
    {
        Assert.True(TreeEquals(expected, actual),
            $"{because}\nexpected:\n{HoconRenderer.ToJson(expected)}\nactual:\n{HoconRenderer.ToJson(actual)}");
    }
}
