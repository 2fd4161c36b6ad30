namespace Actors.Kernel.Diagnostics;

/// <summary>One component's readiness.</summary>
public sealed record HealthEntry(string Component, bool Ready, string Detail);
