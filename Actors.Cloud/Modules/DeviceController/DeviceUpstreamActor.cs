using System.Text.Json;
using Actors.Cloud.Kubernetes.Client;
using Actors.Cloud.Kubernetes.Patch;
using Actors.Kernel.Actor;
using Actors.Kernel.Modules;
using Actors.Messages.Bus;
using Actors.Messages.DeviceTwin;
using Actors.Messages.Routing;
using Actors.Messages.Wire;
using Microsoft.Extensions.Logging;

namespace Actors.Cloud.Modules.DeviceController;

/// <summary>
/// Upstream half of the DeviceController (<c>…/devicecontroller/upstream</c>): twin reports
/// (<c>…/twin/edge_updated</c>) become a merge patch of the Device's status twins, state reports
/// (<c>…/state/update</c>) a merge patch of its state, and each is confirmed to the edge with <c>OK</c> on
/// <c>node/&lt;n&gt;/twin</c> (also when the device no longer exists, so the edge stops resending). The membership
/// detail request is ignored, as in KubeEdge. Failures are logged and left unconfirmed (the edge resends).
/// </summary>
public sealed partial class DeviceUpstreamActor : ReceiveActor
{
    private readonly ModuleContext _module;
    private readonly KubernetesClient _client;

    public DeviceUpstreamActor(ModuleContext module, KubernetesClient client)
    {
        _module = module;
        _client = client;
        ReceiveAsync<BusMessage>(m => HandleAsync(m.Envelope));
    }

    private async Task HandleAsync(MessageEnvelope envelope)
    {
        var node = ResourcePaths.NodeIdOf(envelope.Route.Resource);
        var parsed = TwinTranslator.TryParse(envelope, out var reason);
        if (node is null || parsed is null or MembershipDetailRequest)
        {
            LogIgnored(_module.Logger, envelope.Route.Operation, envelope.Route.Resource, reason ?? "not for the device controller");
            return;
        }

        try
        {
            await (parsed switch
            {
                TwinEdgeUpdated twin => PatchTwinsAsync(twin),
                DeviceStateUpdated state => PatchAsync(state.DeviceId, DeviceStatusPatch.FromState(state.State, state.LastOnlineTime)),
                _ => Task.CompletedTask,
            }).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            LogIgnored(_module.Logger, envelope.Route.Operation, envelope.Route.Resource, "the device does not exist");
        }
        catch (Exception e) when (e is KubernetesApiException or FormatException or JsonException or HttpRequestException or TimeoutException)
        {
            LogFailed(_module.Logger, envelope.Route.Resource, e.Message);
            return;
        }

        _module.Bus.Send(ModuleNames.CloudHub, new BusMessage(DeviceEnvelopes.Ok(_module.Time, node, envelope)));
    }

    private async Task PatchTwinsAsync(TwinEdgeUpdated twin)
    {
        var (ns, name) = Split(twin.DeviceId);
        var device = await _client.Resource(KnownResources.Devices).GetAsync(ns, name).ConfigureAwait(false);
        if (DeviceStatusPatch.FromTwinReport(device, twin.Twin.ToElement()) is { } patch)
        {
            await _client.Resource(KnownResources.Devices).PatchStatusAsync(ns, name, KubernetesPatch.Merge(patch)).ConfigureAwait(false);
        }
    }

    private Task<Kubernetes.Models.Device> PatchAsync(string deviceId, System.Text.Json.Nodes.JsonObject patch)
    {
        var (ns, name) = Split(deviceId);
        return _client.Resource(KnownResources.Devices).PatchStatusAsync(ns, name, KubernetesPatch.Merge(patch));
    }

    private static (string Namespace, string Name) Split(string deviceId)
    {
        var at = deviceId.IndexOf('/', StringComparison.Ordinal);
        return at > 0 ? (deviceId[..at], deviceId[(at + 1)..]) : ("default", deviceId);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "devicecontroller ignored {Operation} of {Resource}: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string operation, string resource, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "devicecontroller could not apply {Resource}: {Problem}")]
    private static partial void LogFailed(ILogger logger, string resource, string problem);
}
