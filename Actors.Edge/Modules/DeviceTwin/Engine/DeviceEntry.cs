using System.Collections.Immutable;
using Actors.Edge.Modules.DeviceTwin.Storage.Models;
using Actors.Edge.Modules.DeviceTwin.Twin;

namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary>
/// One device as the controller caches it (immutable, so workers can read a snapshot while the controller moves on):
/// the <c>device</c> row, its attributes by name and its twins by name.
/// </summary>
public sealed record DeviceEntry(
    DeviceRow Device,
    ImmutableSortedDictionary<string, DeviceAttrRow> Attributes,
    ImmutableSortedDictionary<string, MsgTwin> Twins)
{
    /// <summary>A device without attributes or twins.</summary>
    public static DeviceEntry Of(DeviceRow device) => new(
        device,
        ImmutableSortedDictionary.Create<string, DeviceAttrRow>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, MsgTwin>(StringComparer.Ordinal));
}
