namespace Actors.Messages.Routing;

/// <summary>
/// Module names as KubeEdge registers them (edge: <c>edge/pkg/common/modules/names.go</c>; cloud:
/// <c>cloud/pkg/common/modules/modules.go</c>), plus non-module source strings seen on the wire.
/// </summary>
public static class ModuleNames
{
    // Edge modules.
    public const string EdgeD = "edged";

    /// <summary>EdgeHub registers itself as "websocket", not "edgehub".</summary>
    public const string EdgeHub = "websocket";
    public const string MetaManager = "metamanager";
    public const string DeviceTwin = "twin";
    public const string EventBus = "eventbus";
    public const string ServiceBus = "servicebus";
    public const string EdgeStream = "edgestream";
    public const string TaskManager = "taskmanager";

    // Cloud modules (module name = group name).
    public const string CloudHub = "cloudhub";
    public const string EdgeController = "edgecontroller";
    public const string DeviceController = "devicecontroller";
    public const string SyncController = "synccontroller";
    public const string DynamicController = "dynamiccontroller";
    public const string PolicyController = "policycontroller";
    public const string NodeUpgradeJobController = "nodeupgradejobcontroller";
    public const string Router = "router";
    public const string CloudStream = "cloudStream";

    // Source strings that are not module names.

    /// <summary>Source of EdgeHub's connect/disconnect broadcasts.</summary>
    public const string EdgeHubSource = "edgehub";

    /// <summary>Source of messages coming from MQTT on the edge.</summary>
    public const string BusSource = "bus";

    /// <summary>Legacy twin source check.</summary>
    public const string MetaSource = "meta";
    public const string MetaServer = "metaserver";
    public const string RouterEventBus = "router_eventbus";
    public const string RouterServiceBus = "router_servicebus";

    /// <summary>Legacy cloud source special-cased by CloudHub's IsToEdge.</summary>
    public const string EdgeManager = "edgemgr";
}
