namespace Actors.Cloud.ApiServer.Resources;

/// <summary>
/// Per-request write options from the query string. FieldValidation: Strict (unknown fields refused),
/// Warn (pruned with a warning) or Ignore (pruned silently).
/// </summary>
public sealed record WriteOptions(bool DryRun = false, string? FieldManager = null, string FieldValidation = "Warn", bool Force = false);

/// <summary>Options of a DELETE.</summary>
public sealed record DeleteOptions(long? GracePeriodSeconds = null, string? PreconditionUid = null, string? PreconditionResourceVersion = null, bool DryRun = false);

/// <summary>The outcome of a write: the object, the HTTP code and any warnings for the Warning header.</summary>
public sealed record WriteResult(System.Text.Json.Nodes.JsonObject Object, int Code, IReadOnlyList<string> Warnings);
