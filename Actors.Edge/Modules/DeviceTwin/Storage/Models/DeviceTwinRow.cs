namespace Actors.Edge.Modules.DeviceTwin.Storage.Models;

/// <summary>
/// A row of table <c>device_twin</c>. Values are raw strings (null or empty = no value); the meta columns hold
/// <c>{"timestamp":ms}</c>, the version columns <c>{"cloud":n,"edge":m}</c>. <see cref="Id"/> is assigned by the store.
/// </summary>
public sealed record DeviceTwinRow(
    long Id,
    string DeviceId,
    string Name,
    string? Description = null,
    string? Expected = null,
    string? Actual = null,
    string? ExpectedMeta = null,
    string? ActualMeta = null,
    string? ExpectedVersion = null,
    string? ActualVersion = null,
    bool Optional = true,
    string? AttrType = "string",
    string? Metadata = null);
