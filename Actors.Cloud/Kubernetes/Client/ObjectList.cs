namespace Actors.Cloud.Kubernetes.Client;

/// <summary>One page of a list response.</summary>
public sealed record ObjectList<T>(IReadOnlyList<T> Items, string? ResourceVersion, string? Continue, long? RemainingItemCount);
