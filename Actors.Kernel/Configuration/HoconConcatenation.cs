namespace Actors.Kernel.Configuration;

/// <summary>Adjacent values that contain at least one substitution; joined at resolution.</summary>
internal sealed class HoconConcatenation : HoconValue
{
    public HoconConcatenation(ConfigOrigin origin, IReadOnlyList<HoconValue> parts)
        : base(origin) => Parts = parts;

    public IReadOnlyList<HoconValue> Parts { get; }

    public override HoconValueType Type => HoconValueType.Unresolved;

    internal override bool IsResolved => false;
}
