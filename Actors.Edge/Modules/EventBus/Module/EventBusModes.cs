namespace Actors.Edge.Modules.EventBus.Module;

/// <summary>The values of <c>edgecore.modules.eventbus.mode</c>.</summary>
internal static class EventBusModes
{
    public const string Internal = "internal";
    public const string External = "external";
    public const string Both = "both";
}
