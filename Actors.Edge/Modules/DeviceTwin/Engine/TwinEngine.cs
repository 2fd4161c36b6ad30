using System.Collections.Immutable;

namespace Actors.Edge.Modules.DeviceTwin.Engine;

/// <summary>The production <see cref="ITwinEngine"/>: KubeEdge's twin, device and membership actions.</summary>
public sealed class TwinEngine(TimeProvider time, string nodeName) : ITwinEngine
{
    public WorkPlan Plan(TwinRequest request, ImmutableDictionary<string, DeviceEntry> devices)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(devices);
        var context = new PlanContext(time.GetUtcNow().ToUnixTimeMilliseconds(), () => Guid.NewGuid().ToString(), nodeName);
        return request switch
        {
            DeviceTopicRequest { Action: DeviceTopicAction.TwinUpdate } r => TwinActions.Update(r, devices, context),
            DeviceTopicRequest { Action: DeviceTopicAction.TwinGet } r => TwinActions.Get(r, devices, context),
            DeviceTopicRequest { Action: DeviceTopicAction.TwinCloudSync } r => TwinActions.Sync(r.DeviceId, r.TopicId, r.Payload, devices, context),
            DeviceTopicRequest { Action: DeviceTopicAction.StateUpdate } r => DeviceActions.StateUpdate(r, devices, context),
            CloudTwinSyncRequest r => TwinActions.Sync(r.DeviceId, r.DeviceId, r.Payload, devices, context),
            CloudDeviceUpdatedRequest r => DeviceActions.AttributesUpdated(r, devices, context),
            MembershipGetRequest r => MembershipActions.Get(r, devices, context),
            MembershipUpdateRequest r => MembershipActions.Update(r, devices, context),
            _ => WorkPlan.Refused($"no action for {request.GetType().Name}"),
        };
    }
}
