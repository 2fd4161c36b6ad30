using System.Globalization;

namespace Actors.Kernel.Configuration;

/// <summary>A string, number, boolean or null. Numbers keep their source spelling.</summary>
public sealed class HoconScalar : HoconValue
{
    private readonly HoconValueType _type;

    internal HoconScalar(ConfigOrigin origin, HoconValueType type, string text, bool isWhitespace = false)
        : base(origin)
    {
        _type = type;
        Text = text;
        IsUnquotedWhitespace = isWhitespace;
    }

    public override HoconValueType Type => _type;

    /// <summary>String form: the string itself, the number as written, "true"/"false", "null".</summary>
    public string Text { get; }

    /// <summary>Unquoted whitespace between concatenated values (dropped between objects/arrays).</summary>
    internal bool IsUnquotedWhitespace { get; }

    internal override bool IsResolved => true;

    public static HoconScalar String(string text, ConfigOrigin origin) => new(origin, HoconValueType.String, text);

    public static HoconScalar Null(ConfigOrigin origin) => new(origin, HoconValueType.Null, "null");

    public static HoconScalar Boolean(bool value, ConfigOrigin origin) =>
        new(origin, HoconValueType.Boolean, value ? "true" : "false");

    public static HoconScalar Number(long value, ConfigOrigin origin) =>
        new(origin, HoconValueType.Number, value.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => Text;
}
