namespace Actors.Kernel.Configuration;

/// <summary>How an include names its resource.</summary>
public enum HoconIncludeKind
{
    /// <summary><c>include "name"</c>: relative to the including file.</summary>
    Heuristic,

    /// <summary><c>include file("name")</c>.</summary>
    File,

    /// <summary><c>include url("name")</c>.</summary>
    Url,

    /// <summary><c>include classpath("name")</c>: an embedded resource in .NET.</summary>
    Classpath,
}
