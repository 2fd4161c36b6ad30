namespace Actors.Kernel.Configuration;

/// <summary>An unresolved <c>${path}</c> or <c>${?path}</c>.</summary>
internal sealed class HoconSubstitution : HoconValue
{
    public HoconSubstitution(ConfigOrigin origin, IReadOnlyList<string> path, bool optional, IReadOnlyList<string> prefix, int column = 0)
        : base(origin)
    {
        Column = column;
        Path = path;
        Optional = optional;
        Prefix = prefix;
    }

    public IReadOnlyList<string> Path { get; }

    public bool Optional { get; }

    /// <summary>1-based column of the <c>${</c> in its line (0 when synthesized, e.g. for <c>+=</c>).</summary>
    public int Column { get; }

    /// <summary>Include point of the document this came from: tried first (prefix + path).</summary>
    public IReadOnlyList<string> Prefix { get; }

    public override HoconValueType Type => HoconValueType.Unresolved;

    internal override bool IsResolved => false;

    public override string ToString() => "${" + (Optional ? "?" : string.Empty) + HoconPath.Render(Path) + "}";
}
