namespace Actors.Messages.Routing;

/// <summary>
/// Beehive group names. Edge module groups come from <c>edge/pkg/common/modules/group.go</c>; the
/// route groups <see cref="Resource"/>, <see cref="Func"/> and <see cref="User"/> select EdgeHub's handlers.
/// On the cloud every module's group equals its name (<see cref="ModuleNames"/>).
/// </summary>
public static class Groups
{
    public const string EdgeD = "edged";
    public const string Hub = "hub";
    public const string Meta = "meta";
    public const string Twin = "twin";

    /// <summary>EventBus and ServiceBus.</summary>
    public const string Bus = "bus";
    public const string EdgeStream = "edgestream";
    public const string TaskManager = "taskmanager";

    /// <summary>Router traffic (eventbus/servicebus over the cloud router).</summary>
    public const string User = "user";

    /// <summary>Route group of k8s object traffic between the controllers and MetaManager.</summary>
    public const string Resource = "resource";

    /// <summary>Route group of function calls, handled like <see cref="Resource"/> by EdgeHub.</summary>
    public const string Func = "func";

    // Cloud groups (equal to the module names).
    public const string CloudHub = ModuleNames.CloudHub;
    public const string EdgeController = ModuleNames.EdgeController;
    public const string DeviceController = ModuleNames.DeviceController;
    public const string SyncController = ModuleNames.SyncController;
    public const string DynamicController = ModuleNames.DynamicController;
    public const string Router = ModuleNames.Router;
}
