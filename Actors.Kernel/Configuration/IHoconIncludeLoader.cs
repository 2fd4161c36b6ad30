namespace Actors.Kernel.Configuration;

/// <summary>Loads included documents. Injected so parsing stays pure (tests use in-memory loaders).</summary>
public interface IHoconIncludeLoader
{
    /// <summary>
    /// Loads one resource named exactly <paramref name="name"/> (the parser adds extensions for
    /// extension-less includes). Returns null when it does not exist; throws
    /// <see cref="ConfigurationException"/> for refused kinds or I/O failures.
    /// </summary>
    /// <param name="kind">How the include named the resource.</param>
    /// <param name="name">The quoted name, possibly with an added extension.</param>
    /// <param name="includingLocation">Location of the including document, or null for a string.</param>
    HoconIncludeSource? Load(HoconIncludeKind kind, string name, string? includingLocation);
}
