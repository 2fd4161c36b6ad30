namespace Actors.Kernel.Configuration;

/// <summary>An unresolved <c>${path}</c> or <c>${?path}</c>.</summary>
internal sealed class HoconSubstitution : HoconValue
{
    public HoconSubstitution(ConfigOrigin origin, IReadOnlyList<string> path, bool optional, IReadOnlyList<string> prefix)
        : base(origin)
    {
        Path = path;
        Optional = optional;
        Prefix = prefix;
    }

    public IReadOnlyList<string> Path { get; }

    public bool Optional { get; }

    /// <summary>Include point of the document this came from: tried first (prefix + path).</summary>
    public IReadOnlyList<string> Prefix { get; }

    public override HoconValueType Type => HoconValueType.Unresolved;

    internal override bool IsResolved => false;

    public override string ToString() => "${" + (Optional ? "?" : string.Empty) + HoconPath.Render(Path) + "}";
}
