using Actors.Edge.Modules.DeviceTwin.Storage.Models;

namespace Actors.Edge.Modules.DeviceTwin.Storage;

/// <summary>
/// Device storage of DeviceTwin (tables <c>device</c>, <c>device_attr</c>, <c>device_twin</c>), owned by one actor and
/// therefore not thread-safe. Every device id is normalised by <see cref="DeviceIds.Normalize"/>. Column names in the
/// "update field(s)" operations are the SQL column names (<see cref="StoreColumns"/>); unknown names are rejected with
/// <see cref="ArgumentException"/>. Failures throw <see cref="DeviceStoreException"/>; multi-row operations are atomic.
/// </summary>
public interface IDeviceStore : IDisposable
{
    /// <summary>Inserts or replaces a device row.</summary>
    void SaveDevice(DeviceRow device);

    /// <summary>Deletes the device row only (attributes and twins stay); false when absent.</summary>
    bool DeleteDevice(string deviceId);

    /// <summary>Sets one column of a device; false when the device is absent.</summary>
    bool UpdateDeviceField(string deviceId, string column, object? value);

    /// <summary>Sets several columns of a device at once; false when the device is absent.</summary>
    bool UpdateDeviceFields(string deviceId, IReadOnlyDictionary<string, object?> columns);

    /// <summary>One device or null.</summary>
    DeviceRow? GetDevice(string deviceId);

    /// <summary>All devices ordered by id.</summary>
    IReadOnlyList<DeviceRow> GetAllDevices();

    /// <summary>Applies several device updates in one transaction (all or none; a missing device fails it).</summary>
    void UpdateDevices(IReadOnlyList<DeviceUpdate> updates);

    /// <summary>Inserts a device with its attributes and twins in one transaction (all or none).</summary>
    void AddDevice(DeviceRow device, IReadOnlyList<DeviceAttrRow> attributes, IReadOnlyList<DeviceTwinRow> twins);

    /// <summary>Deletes a device with its attributes and twins in one transaction; false when nothing existed.</summary>
    bool RemoveDevice(string deviceId);

    /// <summary>Inserts an attribute (unique per device and name) and returns it with its id.</summary>
    DeviceAttrRow SaveAttribute(DeviceAttrRow attribute);

    /// <summary>Sets columns of one attribute; false when absent.</summary>
    bool UpdateAttributeFields(string deviceId, string name, IReadOnlyDictionary<string, object?> columns);

    /// <summary>Deletes one attribute; false when absent.</summary>
    bool DeleteAttribute(string deviceId, string name);

    /// <summary>The attributes of a device ordered by name.</summary>
    IReadOnlyList<DeviceAttrRow> GetAttributes(string deviceId);

    /// <summary>Inserts a twin (unique per device and name) and returns it with its id.</summary>
    DeviceTwinRow SaveTwin(DeviceTwinRow twin);

    /// <summary>Sets columns of one twin; false when absent.</summary>
    bool UpdateTwinFields(string deviceId, string name, IReadOnlyDictionary<string, object?> columns);

    /// <summary>Deletes one twin; false when absent.</summary>
    bool DeleteTwin(string deviceId, string name);

    /// <summary>The twins of a device ordered by name.</summary>
    IReadOnlyList<DeviceTwinRow> GetTwins(string deviceId);

    /// <summary>Applies twin inserts, replacements and deletions of one device in one transaction (all or none).</summary>
    void ApplyTwinChanges(string deviceId, TwinChanges changes);

    /// <summary>
    /// Runs <paramref name="body"/> (calls on this store) as one transaction: all its changes or none. Nested calls and
    /// the multi-row operations inside join the outer transaction.
    /// </summary>
    void InTransaction(Action body);

    /// <summary>Appends a message for the cloud to the durable outbox and returns it with its sequence number.</summary>
    CloudOutboxRow AddOutbox(CloudOutboxRow message);

    /// <summary>Every unconfirmed message for the cloud, oldest first.</summary>
    IReadOnlyList<CloudOutboxRow> GetOutbox();

    /// <summary>Removes a confirmed message; false when it was not (or no longer) queued.</summary>
    bool DeleteOutbox(string msgId);
}
