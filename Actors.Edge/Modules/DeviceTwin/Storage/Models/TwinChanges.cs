namespace Actors.Edge.Modules.DeviceTwin.Storage.Models;

/// <summary>
/// One atomic set of twin changes for a device (KubeEdge <c>DeviceTwinTrans</c>): rows to insert, rows to replace
/// (matched by device id and name) and twin names to delete.
/// </summary>
public sealed record TwinChanges(
    IReadOnlyList<DeviceTwinRow> Added,
    IReadOnlyList<DeviceTwinRow> Updated,
    IReadOnlyList<string> Deleted);
