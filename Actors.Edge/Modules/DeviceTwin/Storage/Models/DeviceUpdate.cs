namespace Actors.Edge.Modules.DeviceTwin.Storage.Models;

/// <summary>Columns to change on one device (column name → new value), as used by "update many devices".</summary>
public sealed record DeviceUpdate(string DeviceId, IReadOnlyDictionary<string, object?> Columns);
