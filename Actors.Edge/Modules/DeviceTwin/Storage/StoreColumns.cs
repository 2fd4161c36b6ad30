using System.Globalization;
using Actors.Edge.Modules.DeviceTwin.Storage.Models;

namespace Actors.Edge.Modules.DeviceTwin.Storage;

/// <summary>The updatable columns of each table and how a column change applies to a row (shared by both stores).</summary>
public static class StoreColumns
{
    /// <summary>Updatable <c>device</c> columns (the key <c>id</c> is not).</summary>
    public static readonly IReadOnlySet<string> Device = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "description", "state", "last_online",
    };

    /// <summary>Updatable <c>device_attr</c> columns.</summary>
    public static readonly IReadOnlySet<string> Attribute = new HashSet<string>(StringComparer.Ordinal)
    {
        "description", "value", "optional", "attr_type", "metadata",
    };

    /// <summary>Updatable <c>device_twin</c> columns.</summary>
    public static readonly IReadOnlySet<string> Twin = new HashSet<string>(StringComparer.Ordinal)
    {
        "description", "expected", "actual", "expected_meta", "actual_meta", "expected_version", "actual_version",
        "optional", "attr_type", "metadata",
    };

    /// <summary>Throws <see cref="ArgumentException"/> for an empty set or a column not in <paramref name="allowed"/>.</summary>
    public static void Check(IReadOnlySet<string> allowed, IReadOnlyDictionary<string, object?> columns)
    {
        if (columns.Count == 0)
        {
            throw new ArgumentException("no columns to update", nameof(columns));
        }

        foreach (var column in columns.Keys)
        {
            if (!allowed.Contains(column))
            {
                throw new ArgumentException($"'{column}' is not an updatable column", nameof(columns));
            }
        }
    }

    public static DeviceRow Apply(DeviceRow row, IReadOnlyDictionary<string, object?> columns) =>
        columns.Aggregate(row, (r, c) => c.Key switch
        {
            "name" => r with { Name = Text(c.Value) ?? string.Empty },
            "description" => r with { Description = Text(c.Value) },
            "state" => r with { State = Text(c.Value) },
            _ => r with { LastOnline = Text(c.Value) },
        });

    public static DeviceAttrRow Apply(DeviceAttrRow row, IReadOnlyDictionary<string, object?> columns) =>
        columns.Aggregate(row, (r, c) => c.Key switch
        {
            "description" => r with { Description = Text(c.Value) },
            "value" => r with { Value = Text(c.Value) },
            "optional" => r with { Optional = Flag(c.Value) },
            "attr_type" => r with { AttrType = Text(c.Value) },
            _ => r with { Metadata = Text(c.Value) },
        });

    public static DeviceTwinRow Apply(DeviceTwinRow row, IReadOnlyDictionary<string, object?> columns) =>
        columns.Aggregate(row, (r, c) => c.Key switch
        {
            "description" => r with { Description = Text(c.Value) },
            "expected" => r with { Expected = Text(c.Value) },
            "actual" => r with { Actual = Text(c.Value) },
            "expected_meta" => r with { ExpectedMeta = Text(c.Value) },
            "actual_meta" => r with { ActualMeta = Text(c.Value) },
            "expected_version" => r with { ExpectedVersion = Text(c.Value) },
            "actual_version" => r with { ActualVersion = Text(c.Value) },
            "optional" => r with { Optional = Flag(c.Value) },
            "attr_type" => r with { AttrType = Text(c.Value) },
            _ => r with { Metadata = Text(c.Value) },
        });

    /// <summary>Every updatable column of a twin row.</summary>
    public static Dictionary<string, object?> Of(DeviceTwinRow t) => new()
    {
        ["description"] = t.Description, ["expected"] = t.Expected, ["actual"] = t.Actual,
        ["expected_meta"] = t.ExpectedMeta, ["actual_meta"] = t.ActualMeta, ["expected_version"] = t.ExpectedVersion,
        ["actual_version"] = t.ActualVersion, ["optional"] = t.Optional, ["attr_type"] = t.AttrType, ["metadata"] = t.Metadata,
    };

    /// <summary>The value as SQLite stores it (booleans as 0/1, strings as text, null as NULL).</summary>
    public static object Sql(object? value) => value switch
    {
        null => DBNull.Value,
        bool b => b ? 1L : 0L,
        _ => Text(value)!,
    };

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static bool Flag(object? value) => value switch
    {
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        string s => s is "1" or "true",
        _ => false,
    };
}
