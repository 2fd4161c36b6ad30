using Actors.Edge.Modules.DeviceTwin.Storage.Models;
using Actors.Edge.Modules.DeviceTwin.Twin;

namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary><see cref="MsgAttr"/> ↔ <c>device_attr</c> row (type in <c>attr_type</c>; <c>metadata</c> = metadata without type).</summary>
public static class AttrRows
{
    public static DeviceAttrRow ToRow(string deviceId, string name, MsgAttr attr, long id = 0) => new(
        id,
        deviceId,
        name,
        null,
        attr.Value,
        attr.Optional ?? true,
        string.IsNullOrEmpty(attr.Metadata?.Type) ? TwinTypes.String : attr.Metadata.Type,
        "{}");

    public static MsgAttr FromRow(DeviceAttrRow row) => new(
        row.Value,
        row.Optional,
        new TypeMetadata(string.IsNullOrEmpty(row.AttrType) ? TwinTypes.String : row.AttrType));
}
