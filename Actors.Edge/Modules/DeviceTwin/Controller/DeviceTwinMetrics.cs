using Actors.Edge.Modules.DeviceTwin.Engine;
using Actors.Kernel.Diagnostics;

namespace Actors.Edge.Modules.DeviceTwin.Controller;

/// <summary>
/// DeviceTwin's metrics: <c>edgeactors_devicetwin_devices</c> (devices in the cache) and
/// <c>edgeactors_devicetwin_requests_total{kind}</c> (requests committed, by kind: <c>twin_update</c>, <c>twin_get</c>,
/// <c>cloud_twin_sync</c>, <c>membership_update</c>, …), so twin updates per second can be graphed.
/// </summary>
internal sealed class DeviceTwinMetrics(MetricsRegistry metrics)
{
    private readonly MetricCell _devices = metrics.Gauge("edgeactors_devicetwin_devices", "Devices known to DeviceTwin.").WithLabels();
    private readonly MetricFamily _requests = metrics.Counter("edgeactors_devicetwin_requests_total", "DeviceTwin requests committed, by kind.", "kind");

    public void Devices(int count) => _devices.Set(count);

    public void Committed(TwinRequest request) => _requests.WithLabels(KindOf(request)).Inc();

    private static string KindOf(TwinRequest request) => request switch
    {
        DeviceTopicRequest topic => Snake(topic.Action.ToString()),
        MembershipUpdateRequest => "membership_update",
        MembershipGetRequest => "membership_get",
        CloudTwinSyncRequest => "cloud_twin_sync",
        CloudDeviceUpdatedRequest => "cloud_device_updated",
        _ => "other",
    };

    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
