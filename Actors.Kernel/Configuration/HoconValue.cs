namespace Actors.Kernel.Configuration;

/// <summary>A node of a HOCON tree. Every value keeps the origin it was read from.</summary>
public abstract class HoconValue
{
    private protected HoconValue(ConfigOrigin origin) => Origin = origin;

    /// <summary>Where the value was defined.</summary>
    public ConfigOrigin Origin { get; }

    /// <summary>The value's kind.</summary>
    public abstract HoconValueType Type { get; }

    /// <summary>True when the value contains no substitution left to resolve.</summary>
    internal abstract bool IsResolved { get; }
}
