using System.Globalization;
using System.Text.RegularExpressions;

namespace Actors.Edge.Modules.DeviceTwin.Twin;

/// <summary>KubeEdge's twin key/value syntax (<c>dtcommon/util.go</c>) and the value-against-type check.</summary>
public static partial class TwinValidation
{
    public const string KeyError =
        "The key of twin must only include upper or lowercase letters, number, english, and special letter - _ . , : / @ # and the length of key should be less than 128 bytes";

    public const string ValueError =
        "The value of twin must only include upper or lowercase letters, number, english, and special letter - _ . , : / @ # and the length of value should be less than 512 bytes";

    public static bool IsValidKey(string key) => KeyPattern().IsMatch(key);

    /// <summary>Empty values are allowed (they mean "no value"); others follow the key charset up to 512 characters.</summary>
    public static bool IsValidValue(string? value) => string.IsNullOrEmpty(value) || ValuePattern().IsMatch(value);

    /// <summary>Null when <paramref name="value"/> fits <paramref name="type"/>, otherwise the reason KubeEdge reports.</summary>
    public static string? CheckValue(string type, string? value)
    {
        var text = value ?? string.Empty;
        return type switch
        {
            "" or TwinTypes.String or TwinTypes.Deleted => null,
            TwinTypes.Int or TwinTypes.Integer =>
                long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : "the value is not int or integer",
            TwinTypes.Float =>
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : "the value is not float",
            TwinTypes.Boolean => text is "true" or "false" ? null : "the value is not true or false",
            _ => "the value type is not allowed",
        };
    }

    /// <summary>Whether <paramref name="type"/> is one KubeEdge accepts.</summary>
    public static bool IsKnownType(string? type) => type is null or "" or TwinTypes.String or TwinTypes.Int or
        TwinTypes.Integer or TwinTypes.Float or TwinTypes.Boolean or TwinTypes.Deleted;

    [GeneratedRegex("^[a-zA-Z0-9-_.,:/@#]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[a-zA-Z0-9-_.,:/@#]{1,512}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValuePattern();
}
