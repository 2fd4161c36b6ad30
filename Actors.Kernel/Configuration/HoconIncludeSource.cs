namespace Actors.Kernel.Configuration;

/// <summary>A loaded include: its text, the name shown in origins, and its location for nested relative includes.</summary>
/// <param name="Text">Document text.</param>
/// <param name="OriginName">Shown in errors and origins (a file path or resource name).</param>
/// <param name="Location">Identity used for relative includes and cycle detection (e.g. full path).</param>
public sealed record HoconIncludeSource(string Text, string OriginName, string Location);
