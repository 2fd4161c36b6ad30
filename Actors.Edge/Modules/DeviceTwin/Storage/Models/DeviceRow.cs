namespace Actors.Edge.Modules.DeviceTwin.Storage.Models;

/// <summary>A row of table <c>device</c> (KubeEdge <c>dao/models/device.go</c>); <c>last_online</c> is RFC 3339 UTC or empty.</summary>
public sealed record DeviceRow(string Id, string Name, string? Description, string? State, string? LastOnline);
