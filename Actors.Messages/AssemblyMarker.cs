namespace Actors.Messages;

/// <summary>Anchor for reflection over this assembly (architecture tests).</summary>
public sealed record AssemblyMarker;
