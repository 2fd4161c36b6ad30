using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Edge.Modules.DeviceTwin.Storage.Models;

namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary>One store operation of a <see cref="WorkPlan"/>; the controller applies them inside one transaction.</summary>
public interface IStoreWrite
{
    void Apply(IDeviceStore store);
}

/// <summary>Adds a device with its attributes and twins.</summary>
public sealed record AddDeviceWrite(DeviceRow Device, IReadOnlyList<DeviceAttrRow> Attributes, IReadOnlyList<DeviceTwinRow> Twins) : IStoreWrite
{
    public void Apply(IDeviceStore store) => store.AddDevice(Device, Attributes, Twins);
}

/// <summary>Removes a device with its attributes and twins.</summary>
public sealed record RemoveDeviceWrite(string DeviceId) : IStoreWrite
{
    public void Apply(IDeviceStore store) => store.RemoveDevice(DeviceId);
}

/// <summary>Inserts, replaces and deletes twins of one device.</summary>
public sealed record TwinChangesWrite(string DeviceId, TwinChanges Changes) : IStoreWrite
{
    public void Apply(IDeviceStore store) => store.ApplyTwinChanges(DeviceId, Changes);
}

/// <summary>Sets columns of a device row; a missing device fails the transaction.</summary>
public sealed record DeviceFieldsWrite(string DeviceId, IReadOnlyDictionary<string, object?> Columns) : IStoreWrite
{
    public void Apply(IDeviceStore store)
    {
        if (!store.UpdateDeviceFields(DeviceId, Columns))
        {
            throw new DeviceStoreException($"device '{DeviceId}' does not exist");
        }
    }
}

/// <summary>Inserts, replaces (all columns) and deletes attributes of one device.</summary>
public sealed record AttributeChangesWrite(
    string DeviceId,
    IReadOnlyList<DeviceAttrRow> Added,
    IReadOnlyList<DeviceAttrRow> Updated,
    IReadOnlyList<string> Deleted) : IStoreWrite
{
    public void Apply(IDeviceStore store)
    {
        foreach (var row in Added)
        {
            store.SaveAttribute(row);
        }

        foreach (var row in Updated)
        {
            var columns = new Dictionary<string, object?>
            {
                ["description"] = row.Description, ["value"] = row.Value, ["optional"] = row.Optional,
                ["attr_type"] = row.AttrType, ["metadata"] = row.Metadata,
            };
            if (!store.UpdateAttributeFields(DeviceId, row.Name, columns))
            {
                throw new DeviceStoreException($"attribute '{row.Name}' of device '{DeviceId}' does not exist");
            }
        }

        foreach (var name in Deleted)
        {
            store.DeleteAttribute(DeviceId, name);
        }
    }
}
