using System.Collections.Immutable;
using System.Text.Json;
using Actors.Edge.Modules.DeviceTwin.Storage;
using Actors.Edge.Modules.DeviceTwin.Storage.Models;
using Actors.Edge.Modules.DeviceTwin.Twin;
using Actors.Messages.DeviceTwin;
using Actors.Messages.Wire;

namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary>Membership from the cloud and membership queries from apps (KubeEdge <c>dtmanager/membership.go</c>).</summary>
public static class MembershipActions
{
    private static TwinJsonContext Json => TwinJsonContext.Default;

    /// <summary>Adds and removes devices; one <c>membership/updated</c> publication per device.</summary>
    public static WorkPlan Update(MembershipUpdateRequest request, ImmutableDictionary<string, DeviceEntry> devices, PlanContext context)
    {
        var writes = new List<IStoreWrite>();
        var changed = new Dictionary<string, DeviceEntry?>(StringComparer.Ordinal);
        var bases = new Dictionary<string, DeviceEntry?>(StringComparer.Ordinal);
        var publications = new List<MqttPublication>();
        var skipped = new List<string>();
        foreach (var device in request.Message.Added)
        {
            if (!DeviceIds.TryNormalize(device.Id, out var id, out var reason) || devices.ContainsKey(id) || changed.ContainsKey(id))
            {
                skipped.Add(reason.Length > 0 ? reason : $"device '{id}' is already a member");
                continue;
            }

            var entry = NewEntry(id, device, context.NowMs);
            writes.Add(new AddDeviceWrite(entry.Device, [.. entry.Attributes.Values], [.. entry.Twins.Select(t => TwinRows.ToRow(id, t.Key, t.Value))]));
            changed[id] = entry;
            bases[id] = null;
            publications.Add(Updated(context, Doc(entry, withTwins: true), added: true));
        }

        foreach (var device in request.Message.Removed)
        {
            if (!DeviceIds.TryNormalize(device.Id, out var id, out _) || !devices.TryGetValue(id, out var entry))
            {
                skipped.Add($"device '{device.Id}' is not a member");
                continue;
            }

            writes.Add(new RemoveDeviceWrite(id));
            changed[id] = null;
            bases[id] = entry;
            publications.Add(Updated(context, new DeviceDoc(id, entry.Device.Name, NullIfEmpty(entry.Device.Description)), added: false));
        }

        var warning = skipped.Count == 0 ? null : "membership update: " + string.Join("; ", skipped);
        return new WorkPlan(writes, changed, publications, [], bases, Warning: warning);
    }

    /// <summary>Every device with its attributes on <c>membership/get/result</c>.</summary>
    public static WorkPlan Get(MembershipGetRequest request, ImmutableDictionary<string, DeviceEntry> devices, PlanContext context)
    {
        if (!DeviceActions.TryRead(request.Payload, Json.TwinBaseMessage, out var message))
        {
            return WorkPlan.Refused($"membership get on node '{request.Node}' ignored: malformed payload");
        }

        var list = devices.Values.OrderBy(d => d.Device.Id, StringComparer.Ordinal).Select(d => Doc(d, withTwins: false)).ToList();
        var body = JsonSerializer.Serialize(new MembershipGetResultMessage(message.EventId ?? string.Empty, context.NowMs, list), Json.MembershipGetResultMessage);
        return WorkPlan.Publish(new MqttPublication(TwinTopics.MembershipGetResult(request.Node), body));
    }

    private static DeviceEntry NewEntry(string id, MembershipDevice device, long nowMs)
    {
        var row = new DeviceRow(id, device.Name.Length > 0 ? device.Name : id.Split('/')[1], NullIfEmpty(device.Description), null, null);
        var attributes = Read(device.Attributes, Json.DictionaryStringMsgAttr)
            .Where(a => a.Value is not null)
            .ToImmutableSortedDictionary(a => a.Key, a => AttrRows.ToRow(id, a.Key, a.Value!), StringComparer.Ordinal);
        var requested = Read(device.Twin, Json.DictionaryStringMsgTwin)
            .Where(t => t.Value is not null)
            .ToDictionary(t => t.Key, t => WithVersions(t.Value!), StringComparer.Ordinal);
        var outcome = TwinUpdater.Apply(ImmutableSortedDictionary<string, MsgTwin>.Empty, requested, DealType.Sync, nowMs);
        return new DeviceEntry(row, attributes, outcome.Twins);
    }

    /// <summary>The cloud may omit versions for a new device; a missing version counts as zero.</summary>
    private static MsgTwin? WithVersions(MsgTwin twin) => twin with
    {
        ExpectedVersion = twin.Expected is null ? twin.ExpectedVersion : twin.ExpectedVersion ?? new TwinVersion(0, 0),
        ActualVersion = twin.Actual is null ? twin.ActualVersion : twin.ActualVersion ?? new TwinVersion(0, 0),
    };

    private static Dictionary<string, T?> Read<T>(MessageContent? content, System.Text.Json.Serialization.Metadata.JsonTypeInfo<Dictionary<string, T?>> info)
        where T : class
    {
        if (content is null || content.Kind != ContentKind.Object)
        {
            return [];
        }

        try
        {
            return content.Deserialize(info) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static DeviceDoc Doc(DeviceEntry entry, bool withTwins) => new(
        entry.Device.Id,
        entry.Device.Name,
        NullIfEmpty(entry.Device.Description),
        NullIfEmpty(entry.Device.State),
        NullIfEmpty(entry.Device.LastOnline),
        entry.Attributes.Count == 0 ? null : entry.Attributes.ToDictionary(a => a.Key, a => AttrRows.FromRow(a.Value), StringComparer.Ordinal),
        withTwins && entry.Twins.Count > 0 ? TwinPayloads.Visible(entry.Twins) : null);

    private static MqttPublication Updated(PlanContext context, DeviceDoc doc, bool added)
    {
        var message = new MembershipUpdatedMessage(context.NewId(), context.NowMs, added ? [doc] : null, added ? null : [doc]);
        return new MqttPublication(TwinTopics.MembershipUpdated(context.NodeName), JsonSerializer.Serialize(message, Json.MembershipUpdatedMessage));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
