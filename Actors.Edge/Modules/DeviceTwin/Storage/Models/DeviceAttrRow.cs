namespace Actors.Edge.Modules.DeviceTwin.Storage.Models;

/// <summary>
/// A row of table <c>device_attr</c>. <see cref="Id"/> is assigned by the store (0 before saving);
/// <see cref="Metadata"/> is the JSON of the attribute metadata without <c>type</c>.
/// </summary>
public sealed record DeviceAttrRow(
    long Id,
    string DeviceId,
    string Name,
    string? Description,
    string? Value,
    bool Optional,
    string? AttrType,
    string? Metadata);
