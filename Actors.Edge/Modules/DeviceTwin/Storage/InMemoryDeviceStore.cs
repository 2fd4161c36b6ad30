using Actors.Edge.Modules.DeviceTwin.Storage.Models;

namespace Actors.Edge.Modules.DeviceTwin.Storage;

/// <summary>
/// <see cref="IDeviceStore"/> in memory with the same behaviour as <see cref="SqliteDeviceStore"/> (same id
/// normalisation, unique (device, name) for attributes and twins, auto-increment ids, all-or-none transactions).
/// For tests and for running without a database file.
/// </summary>
public sealed class InMemoryDeviceStore : IDeviceStore
{
    private State _state = new();

    public void SaveDevice(DeviceRow device)
    {
        var row = device with { Id = DeviceIds.Normalize(device.Id) };
        _state.Devices[row.Id] = row;
    }

    public bool DeleteDevice(string deviceId) => _state.Devices.Remove(DeviceIds.Normalize(deviceId));

    public bool UpdateDeviceField(string deviceId, string column, object? value) =>
        UpdateDeviceFields(deviceId, new Dictionary<string, object?> { [column] = value });

    public bool UpdateDeviceFields(string deviceId, IReadOnlyDictionary<string, object?> columns)
    {
        var id = FieldUpdateValidator.Device(deviceId, columns);
        if (!_state.Devices.TryGetValue(id, out var row))
        {
            return false;
        }

        _state.Devices[id] = StoreColumns.Apply(row, columns);
        return true;
    }

    public DeviceRow? GetDevice(string deviceId) => _state.Devices.GetValueOrDefault(DeviceIds.Normalize(deviceId));

    public IReadOnlyList<DeviceRow> GetAllDevices() => [.. _state.Devices.Values.OrderBy(d => d.Id, StringComparer.Ordinal)];

    public void UpdateDevices(IReadOnlyList<DeviceUpdate> updates)
    {
        FieldUpdateValidator.Devices(updates);
        InTransaction(() =>
        {
            foreach (var update in updates)
            {
                if (!UpdateDeviceFields(update.DeviceId, update.Columns))
                {
                    throw new DeviceStoreException($"device '{update.DeviceId}' does not exist");
                }
            }
        });
    }

    public void AddDevice(DeviceRow device, IReadOnlyList<DeviceAttrRow> attributes, IReadOnlyList<DeviceTwinRow> twins)
    {
        var row = device with { Id = DeviceIds.Normalize(device.Id) };
        InTransaction(() =>
        {
            if (_state.Devices.ContainsKey(row.Id))
            {
                throw new DeviceStoreException($"device '{row.Id}' already exists");
            }

            SaveDevice(row);
            foreach (var attribute in attributes)
            {
                SaveAttribute(attribute with { DeviceId = row.Id });
            }

            foreach (var twin in twins)
            {
                SaveTwin(twin with { DeviceId = row.Id });
            }
        });
    }

    public bool RemoveDevice(string deviceId)
    {
        var id = DeviceIds.Normalize(deviceId);
        var removed = _state.Attributes.RemoveAll(a => a.DeviceId == id) + _state.Twins.RemoveAll(t => t.DeviceId == id);
        return _state.Devices.Remove(id) || removed > 0;
    }

    public DeviceAttrRow SaveAttribute(DeviceAttrRow attribute)
    {
        var id = DeviceIds.Normalize(attribute.DeviceId);
        if (_state.Attributes.Exists(a => a.DeviceId == id && a.Name == attribute.Name))
        {
            throw new DeviceStoreException($"attribute '{attribute.Name}' of device '{id}' already exists");
        }

        var row = attribute with { DeviceId = id, Id = ++_state.LastAttrId };
        _state.Attributes.Add(row);
        return row;
    }

    public bool UpdateAttributeFields(string deviceId, string name, IReadOnlyDictionary<string, object?> columns)
    {
        var id = FieldUpdateValidator.Attribute(deviceId, name, columns);
        var index = IndexOf(_state.Attributes, a => a.DeviceId, a => a.Name, id, name);
        if (index >= 0)
        {
            _state.Attributes[index] = StoreColumns.Apply(_state.Attributes[index], columns);
        }

        return index >= 0;
    }

    public bool DeleteAttribute(string deviceId, string name)
    {
        var id = DeviceIds.Normalize(deviceId);
        return _state.Attributes.RemoveAll(a => a.DeviceId == id && a.Name == name) > 0;
    }

    public IReadOnlyList<DeviceAttrRow> GetAttributes(string deviceId)
    {
        var id = DeviceIds.Normalize(deviceId);
        return [.. _state.Attributes.Where(a => a.DeviceId == id).OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    public DeviceTwinRow SaveTwin(DeviceTwinRow twin)
    {
        var id = DeviceIds.Normalize(twin.DeviceId);
        if (_state.Twins.Exists(t => t.DeviceId == id && t.Name == twin.Name))
        {
            throw new DeviceStoreException($"twin '{twin.Name}' of device '{id}' already exists");
        }

        var row = twin with { DeviceId = id, Id = ++_state.LastTwinId };
        _state.Twins.Add(row);
        return row;
    }

    public bool UpdateTwinFields(string deviceId, string name, IReadOnlyDictionary<string, object?> columns)
    {
        var id = FieldUpdateValidator.Twin(deviceId, name, columns);
        var index = IndexOf(_state.Twins, t => t.DeviceId, t => t.Name, id, name);
        if (index >= 0)
        {
            _state.Twins[index] = StoreColumns.Apply(_state.Twins[index], columns);
        }

        return index >= 0;
    }

    public bool DeleteTwin(string deviceId, string name)
    {
        var id = DeviceIds.Normalize(deviceId);
        return _state.Twins.RemoveAll(t => t.DeviceId == id && t.Name == name) > 0;
    }

    public IReadOnlyList<DeviceTwinRow> GetTwins(string deviceId)
    {
        var id = DeviceIds.Normalize(deviceId);
        return [.. _state.Twins.Where(t => t.DeviceId == id).OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    public void ApplyTwinChanges(string deviceId, TwinChanges changes)
    {
        var id = DeviceIds.Normalize(deviceId);
        InTransaction(() =>
        {
            foreach (var twin in changes.Added)
            {
                SaveTwin(twin with { DeviceId = id });
            }

            foreach (var twin in changes.Updated)
            {
                if (!UpdateTwinFields(id, twin.Name, StoreColumns.Of(twin)))
                {
                    throw new DeviceStoreException($"twin '{twin.Name}' of device '{id}' does not exist");
                }
            }

            foreach (var name in changes.Deleted)
            {
                DeleteTwin(id, name);
            }
        });
    }

    public CloudOutboxRow AddOutbox(CloudOutboxRow message)
    {
        if (_state.Outbox.Exists(m => m.MsgId == message.MsgId))
        {
            throw new DeviceStoreException($"cloud message '{message.MsgId}' already exists");
        }

        var row = message with { Seq = ++_state.LastOutboxSeq };
        _state.Outbox.Add(row);
        return row;
    }

    public IReadOnlyList<CloudOutboxRow> GetOutbox() => [.. _state.Outbox];

    public bool DeleteOutbox(string msgId) => _state.Outbox.RemoveAll(m => m.MsgId == msgId) > 0;

    public void Dispose()
    {
    }

    private static int IndexOf<T>(List<T> rows, Func<T, string> device, Func<T, string> name, string deviceId, string key)
    {
        var id = DeviceIds.Normalize(deviceId);
        return rows.FindIndex(r => device(r) == id && name(r) == key);
    }

    /// <summary>Runs <paramref name="body"/> on a copy of the state and keeps the copy only if it succeeds.</summary>
    public void InTransaction(Action body)
    {
        var saved = _state;
        _state = saved.Copy();
        try
        {
            body();
        }
        catch
        {
            _state = saved;
            throw;
        }
    }

    private sealed class State
    {
        public Dictionary<string, DeviceRow> Devices { get; init; } = new(StringComparer.Ordinal);

        public List<DeviceAttrRow> Attributes { get; init; } = [];

        public List<DeviceTwinRow> Twins { get; init; } = [];

        public long LastAttrId { get; set; }

        public long LastTwinId { get; set; }

        public List<CloudOutboxRow> Outbox { get; init; } = [];

        public long LastOutboxSeq { get; set; }

        public State Copy() => new()
        {
            Devices = new Dictionary<string, DeviceRow>(Devices, StringComparer.Ordinal),
            Attributes = [.. Attributes],
            Twins = [.. Twins],
            LastAttrId = LastAttrId,
            LastTwinId = LastTwinId,
            Outbox = [.. Outbox],
            LastOutboxSeq = LastOutboxSeq,
        };
    }
}
