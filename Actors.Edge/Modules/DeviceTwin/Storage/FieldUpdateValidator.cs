using Actors.Edge.Modules.DeviceTwin.Storage.Models;

namespace Actors.Edge.Modules.DeviceTwin.Storage;

/// <summary>
/// The one validation of "update field(s)" requests, shared by every <see cref="IDeviceStore"/>: the column set must be
/// non-empty and updatable for the table (<see cref="StoreColumns"/>), the device id valid (it is returned normalised)
/// and, for attribute and twin rows, the row name non-empty. Violations throw <see cref="ArgumentException"/> before any
/// row is touched, so a rejected batch changes nothing.
/// </summary>
public static class FieldUpdateValidator
{
    /// <summary>Validates a <c>device</c> update; returns the normalised id.</summary>
    public static string Device(string deviceId, IReadOnlyDictionary<string, object?> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        StoreColumns.Check(StoreColumns.Device, columns);
        return DeviceIds.Normalize(deviceId);
    }

    /// <summary>Validates every update of a batch before the batch starts.</summary>
    public static void Devices(IReadOnlyList<DeviceUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        foreach (var update in updates)
        {
            Device(update.DeviceId, update.Columns);
        }
    }

    /// <summary>Validates a <c>device_attr</c> update; returns the normalised device id.</summary>
    public static string Attribute(string deviceId, string name, IReadOnlyDictionary<string, object?> columns) =>
        Row(StoreColumns.Attribute, deviceId, name, columns);

    /// <summary>Validates a <c>device_twin</c> update; returns the normalised device id.</summary>
    public static string Twin(string deviceId, string name, IReadOnlyDictionary<string, object?> columns) =>
        Row(StoreColumns.Twin, deviceId, name, columns);

    private static string Row(IReadOnlySet<string> allowed, string deviceId, string name, IReadOnlyDictionary<string, object?> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentException.ThrowIfNullOrEmpty(name);
        StoreColumns.Check(allowed, columns);
        return DeviceIds.Normalize(deviceId);
    }
}
