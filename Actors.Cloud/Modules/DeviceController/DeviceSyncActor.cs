using System.Diagnostics.CodeAnalysis;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Informers;
using Actors.Cloud.Kubernetes.Models;
using Actors.Cloud.Modules.EdgeController.Sync;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.CloudHub;
using Actors.Messages.Bus;
using Actors.Messages.Routing;
using Actors.Messages.Wire;

namespace Actors.Cloud.Modules.DeviceController;

/// <summary>
/// Downstream half of the DeviceController (<c>…/devicecontroller/sync</c>): watches DeviceModels, then Devices, and
/// for the node in a Device's <c>spec.nodeName</c> sends the membership change, the DeviceModel (first device of that
/// model on the node), the Device object and its desired twin values; on a spec change the updated Device and the
/// changed desired values; on a node change removal from the old node and addition to the new one; on deletion the
/// membership removal, the Device delete and the DeviceModel delete when no device on the node uses it any more.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The token source is cancelled and disposed in PostStop, the actor's end of life.")]
public sealed class DeviceSyncActor : ReceiveActor
{
    private readonly ModuleContext _module;
    private readonly KubernetesClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, (string Node, Device Device)> _placed = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Node, string Model), int> _modelUse = [];
    private SharedInformer<DeviceModel> _models = null!;

    public DeviceSyncActor(ModuleContext module, KubernetesClient client)
    {
        _module = module;
        _client = client;
        Receive<InformerEvent<Device>>(OnDevice);
        Receive<InformerEvent<DeviceModel>>(OnModel);
        Receive<NodeConnected>(c => Resend(c.NodeId));
        Receive<InformerFailed>(f => throw new InvalidOperationException("the " + f.Kind + " informer stopped", f.Cause));
    }

    protected override void PreStart()
    {
        var token = _stop.Token;
        _models = new SharedInformer<DeviceModel>(_client.Resource(KnownResources.DeviceModels));
        var devices = new SharedInformer<Device>(_client.Resource(KnownResources.Devices));
        InformerRunner.Run(_models, Self, token);
        var self = Self;
        _ = _models.WaitForSyncAsync(token).ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    InformerRunner.Run(devices, self, token);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private void OnDevice(InformerEvent<Device> e)
    {
        switch (e)
        {
            case ObjectAdded<Device> added:
                Place(added.Object);
                break;
            case ObjectUpdated<Device> updated when updated.Old.Metadata.ResourceVersion != updated.New.Metadata.ResourceVersion:
                Place(updated.New);
                break;
            case ObjectDeleted<Device> deleted:
                Remove(DeviceEnvelopes.DeviceId(deleted.Object));
                break;
        }
    }

    /// <summary>Adds, updates or moves a device to the node its spec names (no node = not on any edge).</summary>
    private void Place(Device device)
    {
        var id = DeviceEnvelopes.DeviceId(device);
        var node = device.Spec?.NodeName ?? string.Empty;
        if (_placed.TryGetValue(id, out var current) && (current.Node != node || ModelOf(current.Device) != ModelOf(device)))
        {
            Remove(id);
            current = default;
        }

        if (node.Length == 0)
        {
            return;
        }

        if (current.Device is null)
        {
            Send(DeviceEnvelopes.Membership(_module.Time, node, [device], []));
            UseModel(node, device);
            SendDevice(node, device, Operations.Insert);
            if (DeviceEnvelopes.Desired(device).Count > 0)
            {
                Send(DeviceEnvelopes.TwinCloudUpdated(_module.Time, node, device, []));
            }
        }
        else
        {
            SendDevice(node, device, Operations.Update);
            var before = DeviceEnvelopes.Desired(current.Device);
            var after = DeviceEnvelopes.Desired(device);
            if (!before.OrderBy(p => p.Key, StringComparer.Ordinal).SequenceEqual(after.OrderBy(p => p.Key, StringComparer.Ordinal)))
            {
                Send(DeviceEnvelopes.TwinCloudUpdated(_module.Time, node, device, before.Keys.Except(after.Keys)));
            }
        }

        _placed[id] = (node, device);
    }

    /// <summary>The node's membership and desired values again (the device objects themselves travel ACKed and are kept for it).</summary>
    private void Resend(string node)
    {
        var devices = _placed.Values.Where(p => p.Node == node).Select(p => p.Device).ToList();
        if (devices.Count == 0)
        {
            return;
        }

        Send(DeviceEnvelopes.Membership(_module.Time, node, devices, []));
        foreach (var device in devices.Where(d => DeviceEnvelopes.Desired(d).Count > 0))
        {
            Send(DeviceEnvelopes.TwinCloudUpdated(_module.Time, node, device, []));
        }
    }

    private void Remove(string id)
    {
        if (!_placed.Remove(id, out var current))
        {
            return;
        }

        Send(DeviceEnvelopes.Membership(_module.Time, current.Node, [], [current.Device]));
        SendDevice(current.Node, current.Device, Operations.Delete);
        var key = (current.Node, ModelOf(current.Device));
        if (key.Item2.Length > 0 && _modelUse.TryGetValue(key, out var count))
        {
            if (count > 1)
            {
                _modelUse[key] = count - 1;
            }
            else
            {
                _modelUse.Remove(key);
                if (_models.Store.Get(key.Item2) is { } model)
                {
                    SendModel(current.Node, model, Operations.Delete);
                }
            }
        }
    }

    private void UseModel(string node, Device device)
    {
        var model = ModelOf(device);
        if (model.Length == 0)
        {
            return;
        }

        var count = _modelUse.GetValueOrDefault((node, model));
        _modelUse[(node, model)] = count + 1;
        if (count == 0 && _models.Store.Get(model) is { } found)
        {
            SendModel(node, found, Operations.Insert);
        }
    }

    private void OnModel(InformerEvent<DeviceModel> e)
    {
        var (model, operation) = e switch
        {
            ObjectAdded<DeviceModel> a when !a.IsInInitialList => (a.Object, Operations.Insert),
            ObjectUpdated<DeviceModel> u when u.Old.Metadata.ResourceVersion != u.New.Metadata.ResourceVersion => (u.New, Operations.Update),
            ObjectDeleted<DeviceModel> d => (d.Object, Operations.Delete),
            _ => (null, string.Empty),
        };
        var key = model is null ? string.Empty : (model.Metadata.Namespace ?? "default") + "/" + model.Metadata.Name;
        foreach (var ((node, used), _) in _modelUse.Where(u => u.Key.Model == key).ToList())
        {
            SendModel(node, model!, operation);
        }
    }

    /// <summary>The store key (<c>ns/name</c>) of the device's model; models live in the device's namespace.</summary>
    private static string ModelOf(Device device) =>
        device.Spec?.DeviceModelRef?.Name is { Length: > 0 } name ? (device.Metadata.Namespace ?? "default") + "/" + name : string.Empty;

    private void SendDevice(string node, Device device, string operation) =>
        Send(DeviceEnvelopes.Object(_module.Time, node, ResourceTypes.Device, device, KnownResources.Devices.Codec.Serialize(device), operation));

    private void SendModel(string node, DeviceModel model, string operation) =>
        Send(DeviceEnvelopes.Object(_module.Time, node, ResourceTypes.DeviceModel, model, KnownResources.DeviceModels.Codec.Serialize(model), operation));

    private void Send(MessageEnvelope envelope) => _module.Bus.Send(ModuleNames.CloudHub, new BusMessage(envelope));
}
