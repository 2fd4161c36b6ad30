namespace Actors.Cri;

/// <summary>Anchor for reflection over this assembly (architecture tests).</summary>
public sealed class AssemblyMarker;
