namespace Actors.Kernel.Configuration;

/// <summary>Kind of a HOCON value. <see cref="Unresolved"/> only appears before resolution.</summary>
public enum HoconValueType
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
    Unresolved,
}
